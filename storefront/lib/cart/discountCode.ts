// The code a shopper typed in the cart's code box: kept in a cookie, priced by POST /api/cart/quote, sent at checkout.

export const DISCOUNT_COOKIE = 'ir_discount'
export const MAX_CODE_LENGTH = 64

/** A code as typed, trimmed; null for an empty or impossible one (the CMS matches codes whatever their case). */
export function parseDiscountCode(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const code = value.trim()
  return /^[A-Za-z0-9_-]{1,64}$/.test(code) ? code : null
}
