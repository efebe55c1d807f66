import type { PayloadRequest } from 'payload'

import { parseIdempotencyKey } from '../commerce/idempotency'
import { placeOrder } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { lookupTokenDeriver } from '../infra/commerce/idempotency'
import { requestClientAddress } from '../infra/requestAddress'
import { recordCheckoutRefusal } from '../infra/metrics'
import { checkoutResponse } from './checkoutResponse'
import { REPLAYED_HEADER, replayAnswer } from './idempotentAnswer'
import { endpoint, json, readJsonBody } from './respond'

/**
 * Places one order per idempotency key; a duplicate waits for the first and gets its answer, as it was, even after the
 * order moved on. A body whose expectedTotal is not the total now is refused 409 price_changed with the new quote
 * (src/commerce/expectedTotal.ts). POST /api/checkout and the Checkout mutation.
 */
async function place(req: PayloadRequest, body: unknown, idempotencyKey: string | null | undefined) {
  try {
    const key = parseIdempotencyKey(idempotencyKey)
    const customerId = req.user?.collection === 'customers' ? req.user.id : null
    return await placeOrder(commerceDeps(req.payload), {
      body,
      customerId,
      idempotencyKey: key,
      // Staff placing an order for a customer are not held to the shopper's hold caps (src/commerce/holds.ts).
      holder: { staff: req.user?.collection === 'users', clientAddress: requestClientAddress(req) },
      deriveLookupToken: lookupTokenDeriver(req.payload),
      // Kept without the lookup token (only its hash is stored); a replay adds the token, derived again from the key.
      responseOf: (order) => ({ status: 201, body: { order: checkoutResponse(order, '').order } }),
    })
  } catch (error) {
    recordCheckoutRefusal(refusalReason(error))
    throw error
  }
}

/** The Checkout mutation's answer: `{ order, lookupToken }`, the first answer again for a replayed key. */
export async function checkout(req: PayloadRequest, body: unknown, idempotencyKey: string | null | undefined) {
  const result = await place(req, body, idempotencyKey)
  if (result.response) return { ...(result.response.body as Record<string, unknown>), lookupToken: result.lookupToken }
  return checkoutResponse(result.order, result.lookupToken)
}

// POST /api/checkout — a replayed key answers as the first time did, with `Idempotent-Replayed: true`.
export const handleCheckout = endpoint(async (req) => {
  const key = req.headers.get('idempotency-key')
  parseIdempotencyKey(key) // a missing key is refused before the body is read, as before
  const result = await place(req, await readJsonBody(req), key)
  if (result.response) return replayAnswer(result.response, { lookupToken: result.lookupToken })
  // A key completed before answers were kept replays the order as it is now.
  return json(checkoutResponse(result.order, result.lookupToken), 201, result.replayed ? { [REPLAYED_HEADER.toLowerCase()]: 'true' } : {})
})

// Low-cardinality reasons for checkout_refusals_total.
function refusalReason(error: unknown) {
  const { status, code } = (error ?? {}) as { status?: number; code?: string }
  if (code === 'price_changed') return 'price_changed' as const
  // A refused discount code (a pricing step's `discount_…` codes, or one no step knows) is its own reason.
  if (code === 'unknown_discount_code' || code?.startsWith('discount_')) return 'discount' as const
  if (code === 'hold_limit_reached') return 'hold_limit' as const
  if (status === 409) return 'out_of_stock' as const
  if (status === 402) return 'payment_declined' as const
  if (status === 503) return 'busy' as const
  if (status === 422) return 'idempotency_conflict' as const
  return 'invalid' as const
}
