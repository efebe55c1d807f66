import { describe, expect, it } from '@jest/globals'

import { POUNDS_EXAMPLE } from '../commerce/money'
import { checkPence, typedPounds } from './checkPence'

describe('typedPounds', () => {
  it('should put one pound sign before what was typed', () => {
    expect([typedPounds(' 12,50 '), typedPounds('£12.505'), typedPounds('£ -3')]).toEqual(['£12,50', '£12.505', '£-3'])
  })

  it('should never read as a number with parseFloat, as Payload reads a number field sent as text', () => {
    expect(['12,50', '12.505', '-1', '7'].map((text) => parseFloat(typedPounds(text)))).toEqual([NaN, NaN, NaN, NaN])
  })
})

describe('checkPence', () => {
  it('should accept whole pence, zero included', () => {
    expect([checkPence(1250, { name: 'price' }), checkPence(0, { name: 'price', required: true })]).toEqual([true, true])
  })

  it('should accept an empty optional field', () => {
    expect([checkPence(null, { name: 'compareAtPrice' }), checkPence(undefined, { name: 'compareAtPrice' })]).toEqual([true, true])
  })

  it('should refuse an empty required field by name', () => {
    expect(checkPence(null, { name: 'price', required: true })).toBe('price is required')
  })

  it('should give the pounds message for text that is not an amount', () => {
    expect(checkPence(typedPounds('12,50'), { name: 'price' })).toBe('Use a point before the pence: 12.50, not 12,50')
  })

  it('should refuse NaN, what Payload makes of text that is not a number', () => {
    expect(checkPence(Number.NaN, { name: 'price' })).toBe(POUNDS_EXAMPLE)
  })

  it('should refuse fractional pence, as an integrator sending 12.5 gets', () => {
    expect(checkPence(12.5, { name: 'price' })).toBe('price must be a whole number of pence')
  })

  it('should refuse a negative amount', () => {
    expect(checkPence(-1, { name: 'freeOver' })).toBe('freeOver must not be negative')
  })
})
