import { describe, expect, it } from '@jest/globals'
import { assertNonNegativePence, assertPence, formatGBP, roundHalfUp } from './money'

describe('formatGBP', () => {
  it('should format pence as pounds with two decimals', () => {
    expect(formatGBP(1234)).toBe('£12.34')
  })

  it('should pad single pence', () => {
    expect(formatGBP(5)).toBe('£0.05')
  })

  it('should group thousands with commas', () => {
    expect(formatGBP(123456789)).toBe('£1,234,567.89')
  })

  it('should put the minus sign before the pound sign', () => {
    expect(formatGBP(-150)).toBe('-£1.50')
  })

  it('should refuse fractional pence', () => {
    expect(() => formatGBP(1.5)).toThrow('whole number of pence')
  })
})

describe('assertPence', () => {
  it('should accept a negative integer', () => {
    expect(() => assertPence(-10)).not.toThrow()
  })

  it('should refuse a numeric string', () => {
    expect(() => assertPence('10')).toThrow('amount must be a whole number of pence')
  })

  it('should refuse NaN', () => {
    expect(() => assertPence(Number.NaN, 'total')).toThrow('total must be a whole number of pence')
  })
})

describe('assertNonNegativePence', () => {
  it('should refuse a negative amount', () => {
    expect(() => assertNonNegativePence(-1, 'unitPrice')).toThrow('unitPrice must not be negative')
  })
})

describe('roundHalfUp', () => {
  it('should divide exactly when there is no remainder', () => {
    expect(roundHalfUp(12, 4)).toBe(3)
  })

  it('should round a half up', () => {
    expect(roundHalfUp(5, 2)).toBe(3)
  })

  it('should round just below a half down', () => {
    expect(roundHalfUp(149, 100)).toBe(1)
  })

  it('should round a negative half away from zero', () => {
    expect(roundHalfUp(-5, 2)).toBe(-3)
  })

  it('should handle a negative denominator', () => {
    expect(roundHalfUp(7, -2)).toBe(-4)
  })

  it('should stay exact beyond the float-safe range of the product', () => {
    expect(roundHalfUp(9_007_199_254_740_991n * 2000n, 12000n)).toBe(1_501_199_875_790_165)
  })

  it('should refuse a zero denominator', () => {
    expect(() => roundHalfUp(1, 0)).toThrow('denominator must not be 0')
  })

  it('should refuse a fractional numerator', () => {
    expect(() => roundHalfUp(1.5, 2)).toThrow('numerator must be a safe integer')
  })
})
