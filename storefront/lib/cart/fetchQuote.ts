import { apiErrorMessage, apiFieldErrors } from '../cms/apiErrors'
import type { FieldErrors } from '../cms/apiErrors'
import { CmsError, cmsRequest } from '../cms/client'
import type { CartItem } from './cartItems'
import { cartLines } from './cartItems'
import type { Quote } from './quote'
import { normaliseQuote } from './quote'

export interface QuoteResult {
  quote: Quote | null
  /** Set when the CMS could not price the cart at all. */
  error: string | null
  fieldErrors: FieldErrors
}

/** Prices the cart on the CMS (never cached: prices and stock must be current). */
export async function fetchQuote(items: readonly CartItem[], options: { shippingCountry?: string; discountCode?: string } = {}): Promise<QuoteResult> {
  if (items.length === 0) return { quote: null, error: null, fieldErrors: {} }
  const body = {
    items: cartLines(items),
    ...(options.shippingCountry ? { shippingCountry: options.shippingCountry } : {}),
    ...(options.discountCode ? { discountCode: options.discountCode } : {}),
  }
  try {
    const res = await cmsRequest('/api/cart/quote', { endpoint: 'cart/quote', method: 'POST', body })
    if (res.ok) return { quote: normaliseQuote(res.data, items), error: null, fieldErrors: {} }
    const fieldErrors = apiFieldErrors(res.data)
    if (res.status === 400) {
      // Item problems come back as items.N.* fields: show them beside their lines.
      const problems = Object.entries(fieldErrors).map(([field, message]) => ({ field, message }))
      return { quote: normaliseQuote({ problems }, items), error: apiErrorMessage(res.data), fieldErrors }
    }
    return { quote: null, error: 'We could not price your cart just now. Please try again in a moment.', fieldErrors }
  } catch (error) {
    if (error instanceof CmsError) return { quote: null, error: 'The shop is not answering just now. Please try again in a moment.', fieldErrors: {} }
    throw error
  }
}
