import { CommerceError } from '../commerce/errors'
import { hashRequestBody, parseIdempotencyKey } from '../commerce/idempotency'
import { placeOrder } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { recordCheckoutRefusal } from '../infra/metrics'
import { claimIdempotencyKey, lookupTokenFor, releaseIdempotencyKey } from '../infra/commerce/idempotency'
import { checkoutResponse } from './checkoutResponse'
import { endpoint, json, readJsonBody } from './respond'

// POST /api/checkout — one order per Idempotency-Key; a duplicate waits for the first and gets its answer.
export const handleCheckout = endpoint(async (req) => {
  const key = parseIdempotencyKey(req.headers.get('idempotency-key'))
  const body = await readJsonBody(req)
  const customerId = req.user?.collection === 'customers' ? req.user.id : null
  const requestHash = hashRequestBody({ body, customerId })
  const lookupToken = lookupTokenFor(key, requestHash)
  const deps = commerceDeps(req.payload)
  const claim = await claimIdempotencyKey(req.payload, key, requestHash)
  if (claim.kind === 'replay') {
    const order = await deps.store.findOrder(claim.orderId)
    if (!order) throw new CommerceError(409, 'order_gone', 'The order made with this Idempotency-Key no longer exists')
    return json(checkoutResponse(order, lookupToken), 201)
  }
  try {
    const result = await placeOrder(deps, { body, customerId, idempotencyKey: key, lookupToken })
    return json(checkoutResponse(result.order, lookupToken), 201)
  } catch (error) {
    await releaseIdempotencyKey(req.payload, key)
    recordCheckoutRefusal(refusalReason(error))
    throw error
  }
})

// Low-cardinality reasons for checkout_refusals_total.
function refusalReason(error: unknown) {
  const status = (error as { status?: number })?.status
  if (status === 409) return 'out_of_stock' as const
  if (status === 402) return 'payment_declined' as const
  if (status === 503) return 'busy' as const
  if (status === 422) return 'idempotency_conflict' as const
  return 'invalid' as const
}
