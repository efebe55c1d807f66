import type { PayloadRequest } from 'payload'

import { transitionOrder } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { endpoint, json, readJsonBody, requireStaff } from './respond'

/** Moves an order, staff only: POST /api/orders/:id/transition and the TransitionOrder mutation. */
export async function transition(req: PayloadRequest, orderId: string, body: unknown) {
  requireStaff(req)
  const byName = (req.user as { name?: string | null }).name || req.user!.email || null
  const result = await transitionOrder(commerceDeps(req.payload), { orderId, by: req.user!.id, byName, body })
  return { orderId: result.orderId, orderNumber: result.orderNumber, from: result.from, to: result.to, stock: result.stockEffect }
}

// POST /api/orders/:id/transition — { to, note?, restock?, carrier?, trackingNumber? }
export const handleTransitionOrder = endpoint(async (req) => {
  requireStaff(req)
  return json(await transition(req, String(req.routeParams?.id ?? ''), await readJsonBody(req)))
})
