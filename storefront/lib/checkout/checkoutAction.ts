'use server'

import { randomUUID } from 'node:crypto'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { FieldErrors } from '../cms/apiErrors'
import { shortageMessage } from '../cms/apiErrors'
import { CmsError, cmsRequest } from '../cms/client'
import { readCart, writeCart } from '../cart/cartStore'
import { formatPrice } from '../money'
import { endSession, sessionToken } from '../session/session'
import type { CheckoutOutcome, CheckoutValues } from './checkoutForm'
import { withGuestFallback } from './guestFallback'
import { checkoutBody, checkoutOutcome, echoValues, keyForNextAttempt, readCheckoutForm, readExpectedTotal } from './checkoutForm'

export interface CheckoutState {
  /** The Idempotency-Key the next press of "Place order" sends. */
  key: string
  values: CheckoutValues
  fieldErrors: FieldErrors
  formError: string | null
  /** Set once the CMS refused a total as changed: the total it quoted, which the next press confirms. */
  expectedTotal: number | null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The summary is priced without a discount code: with one, a different total is the discount, not a new price. */
function priceChangedMessage(outcome: { message: string; total: number | null }, values: CheckoutValues): string {
  if (!values.discountCode || outcome.total === null) return outcome.message
  return `With your discount code the total is ${formatPrice(outcome.total)}. Check it and press “Place order” again to pay that.`
}

function stateFor(outcome: CheckoutOutcome, values: CheckoutValues, key: string, expectedTotal: number | null): CheckoutState {
  const state: CheckoutState = { key, values: echoValues(values), fieldErrors: {}, formError: null, expectedTotal }
  switch (outcome.kind) {
    case 'invalid':
      return { ...state, fieldErrors: outcome.fieldErrors, formError: outcome.formError }
    case 'declined':
      return {
        ...state,
        fieldErrors: { 'card.number': outcome.message },
        formError: 'Your card was declined. No order was placed; try another card or pay manually.',
      }
    case 'short': {
      const list = outcome.shortages.map((s) => `${s.sku}: ${shortageMessage(s.available).toLowerCase()} (you asked for ${s.requested})`)
      return { ...state, formError: `Some items are no longer in stock — ${list.join('; ')}. Update your cart and try again.` }
    }
    case 'price_changed':
      return { ...state, formError: priceChangedMessage(outcome, values), expectedTotal: outcome.total }
    case 'retry':
    case 'refused':
      return { ...state, formError: outcome.message }
    default:
      return state
  }
}

export async function placeOrderAction(prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const values = readCheckoutForm((name) => formData.get(name))
  const submitted = String(formData.get('idempotencyKey') ?? '')
  const key = UUID.test(submitted) ? submitted : prev.key
  const items = await readCart()
  if (items.length === 0) return { ...prev, values: echoValues(values), formError: 'Your cart is empty.' }
  let status = 0
  let data: unknown = null
  try {
    const body = checkoutBody(values, items, readExpectedTotal(formData.get('expectedTotal')))
    const send = (token: string | null) =>
      cmsRequest('/api/checkout', { endpoint: 'checkout', method: 'POST', token, headers: { 'Idempotency-Key': key }, body })
    // An expired session must not stop the sale: the CMS answers 401 and the order is placed as a guest's.
    const res = await withGuestFallback(await sessionToken(), send, endSession)
    status = res.status
    data = res.data
  } catch (error) {
    if (!(error instanceof CmsError)) throw error
  }
  const outcome = checkoutOutcome(status, data)
  if (outcome.kind === 'placed') {
    await writeCart([])
    // `placed` marks the page the shopper lands on from checkout: only there does it say thank you.
    redirect(`/orders/${encodeURIComponent(outcome.orderNumber)}?token=${encodeURIComponent(outcome.lookupToken)}&placed=1`)
  }
  // Refresh the order summary so stock problems and changed prices show beside their lines.
  if (outcome.kind === 'short' || outcome.kind === 'price_changed') revalidatePath('/checkout')
  return stateFor(outcome, values, keyForNextAttempt(outcome, key, randomUUID), prev.expectedTotal)
}
