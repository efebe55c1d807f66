import { describe, expect, it } from '@jest/globals'
import { vatFromInclusive, vatRateToBasisPoints } from './vat'

describe('vatFromInclusive', () => {
  it('should be 0 on a zero total', () => {
    expect(vatFromInclusive(0, 20)).toBe(0)
  })

  it('should round 1p at 20% (0.17p) down to 0', () => {
    expect(vatFromInclusive(1, 20)).toBe(0)
  })

  it('should take exactly 1p from 6p at 20%', () => {
    expect(vatFromInclusive(6, 20)).toBe(1)
  })

  it('should round an exact half (3p at 20% = 0.5p) up', () => {
    expect(vatFromInclusive(3, 20)).toBe(1)
  })

  it('should round 9p at 20% (1.5p) up to 2p', () => {
    expect(vatFromInclusive(9, 20)).toBe(2)
  })

  it('should round 2p at 20% (0.33p) down to 0', () => {
    expect(vatFromInclusive(2, 20)).toBe(0)
  })

  it('should take £20 from a £120 total at 20%', () => {
    expect(vatFromInclusive(12000, 20)).toBe(2000)
  })

  it('should compute a fractional rate exactly (12.5% of 1125p inclusive is 125p)', () => {
    expect(vatFromInclusive(1125, 12.5)).toBe(125)
  })

  it('should round an exact half at a fractional rate (17.5% of 47p is 7.0p, of 1p is 0.149p)', () => {
    expect([vatFromInclusive(47, 17.5), vatFromInclusive(1, 17.5)]).toEqual([7, 0])
  })

  it('should round 15p at 20% (2.5p) up to 3p', () => {
    expect(vatFromInclusive(15, 20)).toBe(3)
  })

  it('should round 1203p at 20% (200.5p) up to 201p', () => {
    expect(vatFromInclusive(1203, 20)).toBe(201)
  })

  it('should be 0 at a zero rate', () => {
    expect(vatFromInclusive(999, 0)).toBe(0)
  })

  it('should be exact on a very large total', () => {
    expect(vatFromInclusive(9_007_199_254_740_991, 20)).toBe(1_501_199_875_790_165)
  })

  it('should refuse a negative total', () => {
    expect(() => vatFromInclusive(-1, 20)).toThrow('total must not be negative')
  })
})

describe('vatRateToBasisPoints', () => {
  it('should turn 12.5 into 1250', () => {
    expect(vatRateToBasisPoints(12.5)).toBe(1250)
  })

  it('should refuse a rate with three decimals', () => {
    expect(() => vatRateToBasisPoints(12.345)).toThrow('at most two decimal places')
  })

  it('should refuse a rate above 100', () => {
    expect(() => vatRateToBasisPoints(150)).toThrow('between 0 and 100')
  })
})
