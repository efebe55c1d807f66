import { describe, expect, it } from '@jest/globals'
import { assertExpectedTotal, PriceChangedError } from './expectedTotal'
import type { CheckoutQuote } from './expectedTotal'

const quote: CheckoutQuote = {
  lines: [],
  adjustments: [],
  totals: { subtotal: 6500, discount: 0, shipping: 0, vat: 1083, total: 6500 },
  problems: [],
}

describe('assertExpectedTotal', () => {
  it('should pass when the shopper saw the total there is now', () => {
    expect(() => assertExpectedTotal(6500, quote)).not.toThrow()
  })

  it('should pass when no total was shown', () => {
    expect(() => assertExpectedTotal(undefined, quote)).not.toThrow()
  })

  it('should refuse another total with a PriceChangedError', () => {
    expect(() => assertExpectedTotal(6700, quote)).toThrow(PriceChangedError)
  })

  it('should answer 409 price_changed with the message and the new quote', () => {
    expect(new PriceChangedError(6700, quote).toJSON()).toEqual({
      error: { code: 'price_changed', message: expect.stringContaining('now £65.00, not the £67.00'), quote },
    })
  })
})
