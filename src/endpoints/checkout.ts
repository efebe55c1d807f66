import type { PayloadRequest } from 'payload'

import { parseIdempotencyKey } from '../commerce/idempotency'
import { placeOrder } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { lookupTokenDeriver } from '../infra/commerce/idempotency'
import { recordCheckoutRefusal } from '../infra/metrics'
import { checkoutResponse } from './checkoutResponse'
import { endpoint, json, readJsonBody } from './respond'

/**
 * Places one order per idempotency key; a duplicate waits for the first and gets its answer. A body whose expectedTotal is
 * not the total now is refused 409 price_changed with the new quote (src/commerce/expectedTotal.ts). POST /api/checkout
 * and the Checkout mutation.
 */
export async function checkout(req: PayloadRequest, body: unknown, idempotencyKey: string | null | undefined) {
  try {
    const key = parseIdempotencyKey(idempotencyKey)
    const customerId = req.user?.collection === 'customers' ? req.user.id : null
    const result = await placeOrder(commerceDeps(req.payload), { body, customerId, idempotencyKey: key, deriveLookupToken: lookupTokenDeriver(req.payload) })
    return checkoutResponse(result.order, result.lookupToken)
  } catch (error) {
    recordCheckoutRefusal(refusalReason(error))
    throw error
  }
}

// POST /api/checkout
export const handleCheckout = endpoint(async (req) => {
  const key = req.headers.get('idempotency-key')
  parseIdempotencyKey(key) // a missing key is refused before the body is read, as before
  return json(await checkout(req, await readJsonBody(req), key), 201)
})

// Low-cardinality reasons for checkout_refusals_total.
function refusalReason(error: unknown) {
  const { status, code } = (error ?? {}) as { status?: number; code?: string }
  if (code === 'price_changed') return 'price_changed' as const
  // A refused discount code (a pricing step's `discount_…` codes, or one no step knows) is its own reason.
  if (code === 'unknown_discount_code' || code?.startsWith('discount_')) return 'discount' as const
  if (status === 409) return 'out_of_stock' as const
  if (status === 402) return 'payment_declined' as const
  if (status === 503) return 'busy' as const
  if (status === 422) return 'idempotency_conflict' as const
  return 'invalid' as const
}
