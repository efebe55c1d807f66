import { describe, expect, it } from '@jest/globals'
import { formatPrice, parsePounds, penceToDecimal, penceToPoundsInput } from './money'

describe('formatPrice', () => {
  it('should show pounds and pence with a pound sign', () => {
    expect(formatPrice(1999)).toBe('£19.99')
  })
  it('should pad single-digit pence', () => {
    expect(formatPrice(105)).toBe('£1.05')
  })
  it('should group thousands', () => {
    expect(formatPrice(123456789)).toBe('£1,234,567.89')
  })
  it('should show zero as £0.00', () => {
    expect(formatPrice(0)).toBe('£0.00')
  })
  it('should put the minus sign before the pound sign', () => {
    expect(formatPrice(-150)).toBe('-£1.50')
  })
  it('should refuse a fractional amount rather than print a wrong one', () => {
    expect(formatPrice(10.5)).toBe('—')
  })
})

describe('parsePounds', () => {
  it('should read whole pounds', () => {
    expect(parsePounds('12')).toBe(1200)
  })
  it('should read one decimal as tens of pence', () => {
    expect(parsePounds('12.5')).toBe(1250)
  })
  it('should accept a leading pound sign and spaces', () => {
    expect(parsePounds(' £3.07 ')).toBe(307)
  })
  it('should refuse negative, blank and over-precise values', () => {
    expect([parsePounds('-1'), parsePounds(''), parsePounds('1.234'), parsePounds('abc')]).toEqual([null, null, null, null])
  })
})

describe('penceToPoundsInput', () => {
  it('should drop .00 for whole pounds and keep pence otherwise', () => {
    expect([penceToPoundsInput(1200), penceToPoundsInput(1250), penceToPoundsInput(null)]).toEqual(['12', '12.50', ''])
  })
})

describe('penceToDecimal', () => {
  it('should always give two decimals', () => {
    expect(penceToDecimal(1200)).toBe('12.00')
  })
})
