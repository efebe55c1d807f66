import { CommerceError } from '../commerce/errors'
import { verifyLookupToken } from '../commerce/orderNumber'
import { endpoint, json } from './respond'

const NOT_FOUND = new CommerceError(404, 'order_not_found', 'No order matches that number and token')

// GET /api/orders/lookup?number=IR-000123&token=… — a guest's own order; a wrong token looks like an unknown number.
export const handleLookupOrder = endpoint(async (req) => {
  const url = new URL(req.url ?? '', 'http://localhost')
  const number = url.searchParams.get('number') ?? ''
  const token = url.searchParams.get('token') ?? ''
  if (!number || !token) {
    throw new CommerceError(400, 'invalid_query', 'Give both number and token, e.g. ?number=IR-000123&token=…', [
      ...(number ? [] : [{ field: 'number', message: 'is required' }]),
      ...(token ? [] : [{ field: 'token', message: 'is required' }]),
    ])
  }
  const found = await req.payload.find({
    collection: 'orders',
    where: { orderNumber: { equals: number } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const order = found.docs[0]
  if (!order || !order.lookupTokenHash || !verifyLookupToken(token, order.lookupTokenHash)) throw NOT_FOUND
  return json({
    order: {
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
    },
  })
})
