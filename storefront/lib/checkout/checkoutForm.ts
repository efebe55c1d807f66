import type { FieldErrors, StockShortage } from '../cms/apiErrors'
import { apiErrorCode, apiErrorMessage, apiFieldErrors, stockShortages } from '../cms/apiErrors'
import type { CartItem } from '../cart/cartItems'
import { cartLines } from '../cart/cartItems'

// Form fields are named by the API's own paths, so a 400's `details[].field` lands beside its input.
const ADDRESS_PARTS = ['name', 'line1', 'line2', 'city', 'postcode', 'country'] as const
export const CHECKOUT_FIELDS = [
  'email',
  ...ADDRESS_PARTS.map((p) => `shippingAddress.${p}`),
  'billingSame',
  ...ADDRESS_PARTS.map((p) => `billingAddress.${p}`),
  'discountCode',
  'paymentMethod',
  'card.number',
] as const

export type CheckoutValues = { [field: string]: string }

/** The form's values, trimmed; the card number is kept out of anything echoed back to the page. */
export function readCheckoutForm(get: (name: string) => unknown): CheckoutValues {
  const values: CheckoutValues = {}
  for (const field of CHECKOUT_FIELDS) {
    const value = get(field)
    values[field] = typeof value === 'string' ? value.trim() : ''
  }
  return values
}

export function echoValues(values: CheckoutValues): CheckoutValues {
  return { ...values, 'card.number': '' }
}

function address(values: CheckoutValues, prefix: string) {
  const line2 = values[`${prefix}.line2`]
  return {
    name: values[`${prefix}.name`],
    line1: values[`${prefix}.line1`],
    ...(line2 ? { line2 } : {}),
    city: values[`${prefix}.city`],
    postcode: values[`${prefix}.postcode`],
    country: values[`${prefix}.country`].toUpperCase(),
  }
}

/**
 * The POST /api/checkout body. Never a price: the CMS computes every amount; the total the page showed goes as
 * `expectedTotal`, so a total that changed since is refused (409 price_changed) instead of charged.
 */
export function checkoutBody(values: CheckoutValues, items: readonly CartItem[], expectedTotal: number | null = null) {
  const method = values.paymentMethod
  return {
    items: cartLines(items),
    email: values.email,
    shippingAddress: address(values, 'shippingAddress'),
    ...(values.billingSame ? {} : { billingAddress: address(values, 'billingAddress') }),
    ...(values.discountCode ? { discountCode: values.discountCode } : {}),
    paymentMethod: method,
    ...(method === 'test-card' ? { card: { number: values['card.number'] } } : {}),
    ...(expectedTotal !== null ? { expectedTotal } : {}),
  }
}

/** The hidden `expectedTotal` field: whole pence, or null when the page showed no total. */
export function readExpectedTotal(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN
  return Number.isSafeInteger(n) ? n : null
}

export type CheckoutOutcome =
  | { kind: 'placed'; orderNumber: string; lookupToken: string }
  | { kind: 'invalid'; fieldErrors: FieldErrors; formError: string | null }
  | { kind: 'declined'; message: string }
  | { kind: 'short'; shortages: StockShortage[] }
  | { kind: 'price_changed'; message: string; total: number | null }
  | { kind: 'retry'; message: string }
  | { kind: 'refused'; message: string }

const FORM_FIELDS = new Set<string>(CHECKOUT_FIELDS)

function invalid(data: unknown): CheckoutOutcome {
  const all = apiFieldErrors(data)
  const fieldErrors: FieldErrors = {}
  const elsewhere: string[] = []
  for (const [field, message] of Object.entries(all)) {
    const target = field === 'card' ? 'card.number' : field
    if (FORM_FIELDS.has(target)) fieldErrors[target] = message
    else if (field.startsWith('items')) elsewhere.push(`Your cart has a problem: ${message}`)
    else elsewhere.push(`${field}: ${message}`)
  }
  const formError = elsewhere.join(' ') || (Object.keys(fieldErrors).length ? 'Please check the highlighted fields.' : apiErrorMessage(data))
  return { kind: 'invalid', fieldErrors, formError }
}

function priceChanged(data: unknown): CheckoutOutcome {
  const total = (data as { error?: { quote?: { totals?: { total?: unknown } } } })?.error?.quote?.totals?.total
  const now = typeof total === 'number' && Number.isSafeInteger(total) ? total : null
  return { kind: 'price_changed', message: apiErrorMessage(data, 'Prices changed since this page was shown.'), total: now }
}

/** What an answer of POST /api/checkout means for the shopper. */
export function checkoutOutcome(status: number, data: unknown): CheckoutOutcome {
  const body = (data ?? {}) as { order?: { orderNumber?: unknown }; lookupToken?: unknown }
  if ((status === 200 || status === 201) && typeof body.order?.orderNumber === 'string') {
    return { kind: 'placed', orderNumber: body.order.orderNumber, lookupToken: String(body.lookupToken ?? '') }
  }
  if (status === 400) return invalid(data)
  if (status === 402) return { kind: 'declined', message: apiErrorMessage(data, 'Your card was declined.') }
  if (status === 409 && apiErrorCode(data) === 'insufficient_stock') return { kind: 'short', shortages: stockShortages(data) }
  if (status === 409 && apiErrorCode(data) === 'price_changed') return priceChanged(data)
  if (status === 422) return { kind: 'refused', message: 'Your order changed while it was being placed. Please check it and press “Place order” again.' }
  if (status === 429) return { kind: 'retry', message: 'Too many attempts. Please wait a minute and try again.' }
  if (status === 0 || status === 409 || status >= 500) {
    return { kind: 'retry', message: 'The shop is busy. Please press “Place order” again — you will not be charged twice.' }
  }
  return { kind: 'refused', message: apiErrorMessage(data, 'We could not place your order.') }
}

/**
 * A retry of the same attempt (busy, timeout, network) must reuse its Idempotency-Key, so the CMS
 * answers with the order it may already have made; a refused attempt stored nothing, and the next
 * one (with changed details) gets a fresh key.
 */
export function keyForNextAttempt(outcome: CheckoutOutcome, currentKey: string, freshKey: () => string): string {
  return outcome.kind === 'retry' ? currentKey : freshKey()
}
