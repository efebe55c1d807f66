import type { PayloadRequest } from 'payload'

import { CommerceError } from '../commerce/errors'
import { parseOrderLookup, sameEmail } from '../commerce/orderLookup'
import { verifyLookupToken } from '../commerce/orderNumber'
import type { Order } from '../../payload-types'
import { endpoint, json, readJsonBody } from './respond'

const NOT_FOUND = new CommerceError(404, 'order_not_found', 'No order matches that number and token')
// The same answer for an unknown number and a wrong email, so the form cannot be used to learn which orders exist.
const NOT_FOUND_BY_EMAIL = new CommerceError(404, 'order_not_found', 'No order matches that number and email')

async function findByNumber(payload: PayloadRequest['payload'], number: string): Promise<Order | undefined> {
  const found = await payload.find({
    collection: 'orders',
    where: { orderNumber: { equals: number } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  return found.docs[0]
}

/** What a guest may see of their own order. */
function publicOrder(order: Order) {
  return {
    orderNumber: order.orderNumber,
    status: order.status,
    email: order.email,
    createdAt: order.createdAt,
    lines: order.lines,
    totals: order.totals,
    discountCode: order.discountCode ?? null,
    shippingAddress: order.shippingAddress,
    statusHistory: (order.statusHistory ?? []).map((h) => ({ to: h.to, at: h.at })),
    payment: { method: order.payment?.method, state: order.payment?.state },
    fulfilment: order.fulfilment,
    paymentInstructions: order.paymentInstructions ?? null,
    trackingUrl: order.trackingUrl ?? null,
  }
}

// GET /api/orders/lookup?number=IR-000123&token=… — a guest's own order; a wrong token looks like an unknown number.
export const handleLookupOrder = endpoint(async (req) => {
  const url = new URL(req.url ?? '', 'http://localhost')
  return json(await lookupOrder(req, url.searchParams.get('number') ?? '', url.searchParams.get('token') ?? ''))
})

/** A guest's own order by its number and token: GET /api/orders/lookup and the LookupOrder mutation. */
export async function lookupOrder(req: PayloadRequest, number: string, token: string) {
  if (!number || !token) {
    throw new CommerceError(400, 'invalid_query', 'Give both number and token, e.g. ?number=IR-000123&token=…', [
      ...(number ? [] : [{ field: 'number', message: 'is required' }]),
      ...(token ? [] : [{ field: 'token', message: 'is required' }]),
    ])
  }
  const order = await findByNumber(req.payload, number)
  if (!order || !order.lookupTokenHash || !verifyLookupToken(token, order.lookupTokenHash)) throw NOT_FOUND
  return { order: publicOrder(order) }
}

// POST /api/orders/lookup {"number":"IR-000123","email":"…"} — the storefront's "find your order" form; rate-limited by
// address and by order number (src/server/rateLimits.ts), and a wrong email answers exactly as an unknown number does.
export const handleLookupOrderByEmail = endpoint(async (req) => {
  const { number, email } = parseOrderLookup(await readJsonBody(req))
  const order = await findByNumber(req.payload, number)
  if (!order || !sameEmail(email, order.email)) throw NOT_FOUND_BY_EMAIL
  return json({ order: publicOrder(order) })
})
