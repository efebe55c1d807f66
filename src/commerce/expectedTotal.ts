import { CommerceError } from './errors'
import { formatGBP } from './money'
import type { Pence } from './money'
import type { OrderTotals } from './pricing'
import type { Adjustment, PricedLine } from './pricingRegistry'

/** The cart as the checkout priced it now: the same shape as POST /api/cart/quote answers with. */
export interface CheckoutQuote {
  lines: (PricedLine & { available: number; inStock: boolean })[]
  adjustments: Adjustment[]
  totals: OrderTotals
  problems: never[]
}

/** 409 price_changed: the shopper was shown another total; the body carries the new quote to show instead. */
export class PriceChangedError extends CommerceError {
  readonly quote: CheckoutQuote

  constructor(expected: Pence, quote: CheckoutQuote) {
    const now = formatGBP(quote.totals.total)
    super(
      409,
      'price_changed',
      `The total is now ${now}, not the ${formatGBP(expected)} you were shown: prices changed. Check the new total and place the order again.`,
    )
    this.name = 'PriceChangedError'
    this.quote = quote
  }

  override toJSON(): { error: { code: string; message: string; quote: CheckoutQuote } } {
    return { error: { code: this.code, message: this.message, quote: this.quote } }
  }
}

/**
 * A checkout that says which total the shopper saw is refused when the total is now different, before any payment
 * or write. Without an expected total (an API client that never showed one) nothing is compared.
 */
export function assertExpectedTotal(expected: Pence | undefined, quote: CheckoutQuote): void {
  if (expected === undefined || expected === quote.totals.total) return
  throw new PriceChangedError(expected, quote)
}
