import type { Payload, PayloadRequest } from 'payload'

import type { OrderStatus } from '../../commerce/orderStates'
import type { Id, OrderPatch, OrderRecord } from '../../commerce/workflows/ports'
import { queryRows, sql } from '../sql'
import { insertHistory } from './orderInsert'

const internal = { overrideAccess: true, context: { workflowWrite: true } } as const

// A stored order read loosely (Payload's generated types are all-optional); OrderRecord is the typed result.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type OrderDoc = Record<string, any>

function toRecord(doc: OrderDoc): OrderRecord {
  const customer = doc.customer && typeof doc.customer === 'object' ? doc.customer.id : (doc.customer ?? null)
  return {
    id: doc.id,
    orderNumber: doc.orderNumber,
    status: doc.status,
    email: doc.email,
    customer,
    lines: (doc.lines ?? []).map((l: OrderDoc) => ({
      sku: l.sku,
      title: l.title,
      options: Array.isArray(l.options) ? l.options : [],
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      lineTotal: l.lineTotal,
    })),
    totals: doc.totals,
    statusHistory: (doc.statusHistory ?? []).map((h: OrderDoc) => ({
      from: h.from ?? null,
      to: h.to,
      at: new Date(h.at),
      by: h.by ?? null,
      ...(h.byName ? { byName: h.byName } : {}),
      note: h.note ?? null,
    })),
    payment: doc.payment,
    fulfilment: doc.fulfilment?.carrier
      ? { carrier: doc.fulfilment.carrier, trackingNumber: doc.fulfilment.trackingNumber, shippedAt: new Date(doc.fulfilment.shippedAt) }
      : null,
    reservationExpiresAt: doc.reservationExpiresAt ? new Date(doc.reservationExpiresAt) : null,
    discountCode: doc.discountCode ?? null,
  }
}

export async function findOrder(payload: Payload, req: PayloadRequest, id: Id): Promise<OrderRecord | null> {
  const doc = await payload.findByID({ collection: 'orders', id, req, ...internal, depth: 0, disableErrors: true })
  return doc ? toRecord(doc) : null
}

// One conditional UPDATE on the status read by the workflow, so two staff moving one order cannot both win; the
// rest of the patch rides on the same statement. The history is the whole list (an undo shortens it), so its rows
// are replaced. Plain SQL on the request's transaction: a Local API update re-read the order with its ledger join
// before and after, and cost a checkout more than every other write together.
export async function updateOrder(payload: Payload, req: PayloadRequest, id: Id, patch: OrderPatch, expected: OrderStatus) {
  const now = new Date().toISOString()
  const sets = [sql`status = ${patch.status ?? expected}`, sql`updated_at = ${now}`]
  if (patch.payment) {
    const p = patch.payment
    sets.push(sql`payment_method = ${p.method}, payment_provider = ${p.provider}, payment_reference = ${p.reference}, payment_state = ${p.state}`)
  }
  if (patch.fulfilment) {
    const f = patch.fulfilment
    sets.push(sql`fulfilment_carrier = ${f.carrier}, fulfilment_tracking_number = ${f.trackingNumber}, fulfilment_shipped_at = ${f.shippedAt.toISOString()}`)
  }
  if (patch.reservationExpiresAt !== undefined) {
    sets.push(sql`reservation_expires_at = ${patch.reservationExpiresAt ? patch.reservationExpiresAt.toISOString() : null}`)
  }
  const orderId = Number(id)
  const claimed = await queryRows<{ id: number }>(
    payload,
    req,
    sql`UPDATE orders SET ${sql.join(sets, sql`, `)} WHERE id = ${orderId} AND status = ${expected} RETURNING id`,
  )
  if (claimed.length === 0) return false
  if (patch.statusHistory) {
    await queryRows(payload, req, sql`DELETE FROM orders_status_history WHERE _parent_id = ${orderId} RETURNING id`)
    await insertHistory(payload, req, orderId, patch.statusHistory)
  }
  return true
}

export async function findExpiredPendingOrders(payload: Payload, req: PayloadRequest, now: Date, limit: number) {
  const found = await payload.find({
    collection: 'orders',
    where: { and: [{ status: { equals: 'pending' } }, { reservationExpiresAt: { less_than_equal: now.toISOString() } }] },
    sort: 'reservationExpiresAt',
    limit,
    depth: 0,
    req,
    ...internal,
  })
  return found.docs.map((d) => d.id as Id)
}
