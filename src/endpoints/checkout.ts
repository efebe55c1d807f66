import type { PayloadRequest } from 'payload'

import { parseIdempotencyKey } from '../commerce/idempotency'
import { placeOrder } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { lookupTokenDeriver } from '../infra/commerce/idempotency'
import { requestClientAddress } from '../infra/requestAddress'
import { recordCheckoutRefusal } from '../infra/metrics'
import { checkoutResponse } from './checkoutResponse'
import { REPLAYED_HEADER, storedReplay } from './idempotentAnswer'
import { answerResponse, endpoint, errorAnswer, readJsonBody, type Answer } from './respond'

/** Who is checking out: Payload's request, or the CMS server's guest path (src/server/guestCheckout.ts). */
export type CheckoutCaller = Pick<PayloadRequest, 'payload' | 'user'> & { headers: Parameters<typeof requestClientAddress>[0]['headers'] }

/**
 * Places one order per idempotency key; a duplicate waits for the first and gets its answer, as it was, even after the
 * order moved on. A body whose expectedTotal is not the total now is refused 409 price_changed with the new quote
 * (src/commerce/expectedTotal.ts). POST /api/checkout and the Checkout mutation.
 */
async function place(caller: CheckoutCaller, body: unknown, idempotencyKey: string | null | undefined) {
  try {
    const key = parseIdempotencyKey(idempotencyKey)
    const customerId = caller.user?.collection === 'customers' ? caller.user.id : null
    return await placeOrder(commerceDeps(caller.payload), {
      body,
      customerId,
      idempotencyKey: key,
      // Staff placing an order for a customer are not held to the shopper's hold caps (src/commerce/holds.ts).
      holder: { staff: caller.user?.collection === 'users', clientAddress: requestClientAddress(caller) },
      deriveLookupToken: lookupTokenDeriver(caller.payload),
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

/**
 * POST /api/checkout's answer — a replayed key answers as the first time did, with `Idempotent-Replayed: true`. `body`
 * is read only once the key is known to be well formed: a missing key is refused before the body is read.
 */
export async function checkoutAnswer(caller: CheckoutCaller, key: string | null, body: () => Promise<unknown>): Promise<Answer> {
  parseIdempotencyKey(key)
  const result = await place(caller, await body(), key)
  if (result.response) return storedReplay(result.response, { lookupToken: result.lookupToken })
  // A key completed before answers were kept replays the order as it is now.
  return { status: 201, body: checkoutResponse(result.order, result.lookupToken), headers: result.replayed ? { [REPLAYED_HEADER.toLowerCase()]: 'true' } : {} }
}

/** The same answer for a caller outside Payload's route: a refusal becomes its 4xx/503 answer, as `endpoint` does. */
export async function checkoutAnswerOrRefusal(caller: CheckoutCaller & { url: string }, key: string | null, body: () => Promise<unknown>): Promise<Answer> {
  try {
    return await checkoutAnswer(caller, key, body)
  } catch (error) {
    return errorAnswer(caller.payload.logger, caller.url, error)
  }
}

export const handleCheckout = endpoint(async (req) => answerResponse(await checkoutAnswer(req, req.headers.get('idempotency-key'), () => readJsonBody(req))))

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
