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

// POST /api/orders/:id/transition — { to, note?, restock?, carrier?, trackingNumber? }: orders:write (staff or API key);
// answers the move and the order after it. An optional Idempotency-Key makes a retry safe.
export const handleTransitionOrder = endpoint(async (req) => {
  requireScope(req, 'orders:write')
  const idempotencyKey = optionalIdempotencyKey(req.headers.get('idempotency-key'), parseIdempotencyKey)
  const body = await readJsonBody(req)
  const orderId = String(req.routeParams?.id ?? '')
  const { by, byName } = actorOf(req)
  const result = await transitionOrder(commerceDeps(req.payload), {
    orderId,
    by,
    byName,
    body,
    idempotencyKey,
    caller: callerOf(req.user),
    responseOf: (r) => ({ status: 200, body: transitionAnswer(r) }),
  })
  if (result.replay) return replayAnswer(result.replay)
  return json(transitionAnswer(result))
})

function transitionAnswer(r: Omit<TransitionOrderResult, 'events'>) {
  return { orderId: r.orderId, orderNumber: r.orderNumber, from: r.from, to: r.to, stock: r.stockEffect, order: movedOrder(r.order) }
}
