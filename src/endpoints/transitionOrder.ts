import { transitionOrder } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { endpoint, json, readJsonBody, requireStaff } from './respond'

// POST /api/orders/:id/transition — { to, note?, restock?, carrier?, trackingNumber? }, staff only.
export const handleTransitionOrder = endpoint(async (req) => {
  requireStaff(req)
  const body = await readJsonBody(req)
  const orderId = String(req.routeParams?.id ?? '')
  const byName = (req.user as { name?: string | null }).name || req.user!.email || null
  const result = await transitionOrder(commerceDeps(req.payload), { orderId, by: req.user!.id, byName, body })
  return json({ orderId: result.orderId, orderNumber: result.orderNumber, from: result.from, to: result.to, stock: result.stockEffect })
})
