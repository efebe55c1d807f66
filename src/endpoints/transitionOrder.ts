import type { PayloadRequest } from 'payload'

import { parseIdempotencyKey } from '../commerce/idempotency'
import { transitionOrder, type OrderRecord, type TransitionOrderResult } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { callerOf, optionalIdempotencyKey, replayAnswer } from './idempotentAnswer'
import { actorOf, endpoint, json, readJsonBody, requireScope } from './respond'

/** The order after a move, without its personal data (moving orders is not reading them: orders:write ≠ orders:read). */
export function movedOrder(order: OrderRecord) {
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    status: order.status,
    totals: order.totals,
    lines: order.lines,
    statusHistory: order.statusHistory.map((h) => ({ from: h.from, to: h.to, at: h.at, note: h.note ?? null })),
    payment: { method: order.payment.method, state: order.payment.state },
    fulfilment: order.fulfilment,
  }
}

function transitionAnswer(r: Omit<TransitionOrderResult, 'events'>) {
  return { orderId: r.orderId, orderNumber: r.orderNumber, from: r.from, to: r.to, stock: r.stockEffect, order: movedOrder(r.order) }
}

/**
 * Moves an order: orders:write (staff or API key); an optional idempotency key makes a retry safe.
 * POST /api/orders/:id/transition and the TransitionOrder mutation.
 */
export async function transition(req: PayloadRequest, orderId: string, body: unknown, idempotencyKey?: string | null) {
  requireScope(req, 'orders:write')
  const { by, byName } = actorOf(req)
  return transitionOrder(commerceDeps(req.payload, req), {
    orderId,
    by,
    byName,
    body,
    idempotencyKey,
    caller: callerOf(req.user),
    responseOf: (r) => ({ status: 200, body: transitionAnswer(r) }),
  })
}

/** The mutation's answer: the move and the order after it, as REST gives them. */
export async function transitionForGraphQL(req: PayloadRequest, orderId: string, body: unknown) {
  const result = await transition(req, orderId, body)
  return result.replay ? result.replay.body : transitionAnswer(result)
}

// POST /api/orders/:id/transition — { to, note?, restock?, carrier?, trackingNumber? }; answers the move and the order after it.
export const handleTransitionOrder = endpoint(async (req) => {
  requireScope(req, 'orders:write')
  const idempotencyKey = optionalIdempotencyKey(req.headers.get('idempotency-key'), parseIdempotencyKey)
  const result = await transition(req, String(req.routeParams?.id ?? ''), await readJsonBody(req), idempotencyKey)
  if (result.replay) return replayAnswer(result.replay)
  return json(transitionAnswer(result))
})
