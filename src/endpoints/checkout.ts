import { parseIdempotencyKey } from '../commerce/idempotency'
import { placeOrder } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { lookupTokenDeriver } from '../infra/commerce/idempotency'
import { recordCheckoutRefusal } from '../infra/metrics'
import { checkoutResponse } from './checkoutResponse'
import { endpoint, json, readJsonBody } from './respond'

// POST /api/checkout — one order per Idempotency-Key; a duplicate waits for the first and gets its answer. A body whose
// expectedTotal is not the total now gets 409 price_changed with the new quote (src/commerce/expectedTotal.ts).
export const handleCheckout = endpoint(async (req) => {
  const key = parseIdempotencyKey(req.headers.get('idempotency-key'))
  const body = await readJsonBody(req)
  const customerId = req.user?.collection === 'customers' ? req.user.id : null
  try {
    const result = await placeOrder(commerceDeps(req.payload), { body, customerId, idempotencyKey: key, deriveLookupToken: lookupTokenDeriver(req.payload) })
    return json(checkoutResponse(result.order, result.lookupToken), 201)
  } catch (error) {
    recordCheckoutRefusal(refusalReason(error))
    throw error
  }
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
