import { describe, expect, it } from '@jest/globals'
import { POUNDS_EXAMPLE, assertNonNegativePence, assertPence, formatGBP, formatPounds, parsePounds, roundHalfUp } from './money'

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

describe('formatPounds', () => {
  it('should write pence as pounds with two decimals and no pound sign', () => {
    expect(formatPounds(1250)).toBe('12.50')
  })

  it('should not group thousands, so the text reads back as typed', () => {
    expect(formatPounds(123456789)).toBe('1234567.89')
  })

  it('should write zero as 0.00', () => {
    expect(formatPounds(0)).toBe('0.00')
  })

  it('should put a minus sign before a negative amount', () => {
    expect(formatPounds(-5)).toBe('-0.05')
  })

  it('should refuse fractional pence', () => {
    expect(() => formatPounds(12.5)).toThrow('whole number of pence')
  })
})

describe('parsePounds', () => {
  it.each([
    ['12.50', 1250],
    ['12.5', 1250],
    ['£12.50', 1250],
    ['12', 1200],
    ['£ 12.05', 1205],
    ['  7.99  ', 799],
    ['0.01', 1],
    ['0', 0],
    ['.5', 50],
    ['12.', 1200],
    ['1,234.56', 123456],
    ['£1,234,567.89', 123456789],
    ['1234567.89', 123456789],
    ['9999999999999.99', 999999999999999],
  ])('should read %j as %d pence', (text, pence) => {
    expect(parsePounds(text)).toEqual({ ok: true, pence })
  })

  it('should read an empty field as no amount', () => {
    expect(parsePounds('   ')).toEqual({ ok: true, pence: null })
  })

  it('should read back every amount formatPounds and formatGBP write', () => {
    const amounts = [0, 1, 99, 100, 1250, 99999, 123456789]
    expect(amounts.map((p) => [parsePounds(formatPounds(p)), parsePounds(formatGBP(p))])).toEqual(
      amounts.map((pence) => [
        { ok: true, pence },
        { ok: true, pence },
      ]),
    )
  })

  it('should refuse a decimal comma and show the amount with a point', () => {
    expect(parsePounds('12,50')).toEqual({ ok: false, message: 'Use a point before the pence: 12.50, not 12,50' })
  })

  it('should refuse a decimal comma with one digit after it', () => {
    expect(parsePounds('£3,5')).toEqual({ ok: false, message: 'Use a point before the pence: 3.50, not 3,5' })
  })

  it('should refuse more than two decimal places', () => {
    expect(parsePounds('12.505')).toEqual({ ok: false, message: 'Pence have two decimal places at most: 12.505 has 3' })
  })

  it.each(['-12', '-£12.50', '£-1', '\u22125'])('should refuse the negative amount %j', (text) => {
    expect(parsePounds(text)).toEqual({ ok: false, message: 'The amount must not be negative' })
  })

  it.each(['abc', '£', '.', '12.50p', '£12.50 GBP', '1 250', '1,23,456', '12..5', '1.2.3', '+12', '1e3', '12,5000'])(
    'should refuse %j with an example of what to type',
    (text) => {
      expect(parsePounds(text)).toEqual({ ok: false, message: POUNDS_EXAMPLE })
    },
  )

  it('should refuse an amount beyond whole-pence precision', () => {
    expect(parsePounds('99999999999999')).toEqual({ ok: false, message: 'The amount is too large' })
  })
})
