import { parseIdempotencyKey } from '../commerce/idempotency'
import { placeOrder } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { lookupTokenDeriver } from '../infra/commerce/idempotency'
import { recordCheckoutRefusal } from '../infra/metrics'
import { checkoutResponse } from './checkoutResponse'
import { REPLAYED_HEADER, replayAnswer } from './idempotentAnswer'
import { endpoint, json, readJsonBody } from './respond'

// POST /api/checkout — one order per Idempotency-Key; a duplicate waits for the first and gets its answer, as it was
// (`Idempotent-Replayed: true`), even after the order moved on. A body whose
// expectedTotal is not the total now gets 409 price_changed with the new quote (src/commerce/expectedTotal.ts).
export const handleCheckout = endpoint(async (req) => {
  const key = parseIdempotencyKey(req.headers.get('idempotency-key'))
  const body = await readJsonBody(req)
  const customerId = req.user?.collection === 'customers' ? req.user.id : null
  try {
    const result = await placeOrder(commerceDeps(req.payload), {
      body,
      customerId,
      idempotencyKey: key,
      deriveLookupToken: lookupTokenDeriver(req.payload),
      // Kept without the lookup token (only its hash is stored); a replay adds the token, derived again from the key.
      responseOf: (order) => ({ status: 201, body: { order: checkoutResponse(order, '').order } }),
    })
    if (result.response) return replayAnswer(result.response, { lookupToken: result.lookupToken })
    // A key completed before answers were kept replays the order as it is now.
    return json(checkoutResponse(result.order, result.lookupToken), 201, result.replayed ? { [REPLAYED_HEADER.toLowerCase()]: 'true' } : {})
  } catch (error) {
    recordCheckoutRefusal(refusalReason(error))
    throw error
  }
})

// Low-cardinality reasons for checkout_refusals_total.
function refusalReason(error: unknown) {
  const { status, code } = (error ?? {}) as { status?: number; code?: string }
  if (code === 'price_changed') return 'price_changed' as const
  if (status === 409) return 'out_of_stock' as const
  if (status === 402) return 'payment_declined' as const
  if (status === 503) return 'busy' as const
  if (status === 422) return 'idempotency_conflict' as const
  return 'invalid' as const
}
