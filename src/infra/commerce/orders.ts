import { randomBytes } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import type { OrderStatus } from '../../commerce/orderStates'
import type { Id, OrderDraft, OrderPatch, OrderRecord } from '../../commerce/workflows/ports'
import { queryRows, sql } from '../sql'

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

/** Array rows get Payload's id shape (24 hex digits, like an ObjectId) when written without the Local API. */
const arrayRowId = () => randomBytes(12).toString('hex')

const historyData = (h: OrderRecord['statusHistory']) =>
  h.map((e) => ({ from: e.from, to: e.to, at: e.at.toISOString(), by: e.by == null ? null : String(e.by), byName: e.byName ?? null, note: e.note }))

const addressColumns = (a: OrderDraft['shippingAddress']) => sql`${a.name}, ${a.line1}, ${a.line2 ?? null}, ${a.city}, ${a.postcode}, ${a.country}`

/**
 * The order row, its lines and its history as three plain INSERTs on the checkout's transaction (docs/performance.md,
 * "Checkout"). Payload's create validated input the checkout had already validated, ran hooks that do nothing on a
 * create (orders have no afterChange hooks, versions or search index; the cache and dashboards follow the
 * `order.placed` event) and read the order back, and was the largest single cost of a checkout. The columns are the
 * ones Payload writes for the Orders collection; tests/int/orderInsert.int.spec.ts reads an order written here back
 * through Payload, field by field.
 */
export async function createOrder(payload: Payload, req: PayloadRequest, draft: OrderDraft) {
  const now = new Date().toISOString()
  const { totals: t, payment: p } = draft
  const inserted = await queryRows<{ id: number }>(
    payload,
    req,
    sql`INSERT INTO orders (order_number, status, customer_id, email, totals_subtotal, totals_discount, totals_shipping, totals_vat,
          totals_total, discount_code, shipping_address_name, shipping_address_line1, shipping_address_line2, shipping_address_city,
          shipping_address_postcode, shipping_address_country, billing_address_name, billing_address_line1, billing_address_line2,
          billing_address_city, billing_address_postcode, billing_address_country, payment_method, payment_provider, payment_reference,
          payment_state, reservation_expires_at, lookup_token_hash, client_address, updated_at, created_at)
        VALUES (${draft.orderNumber}, ${draft.status}, ${draft.customer == null ? null : Number(draft.customer)}, ${draft.email},
          ${t.subtotal}, ${t.discount}, ${t.shipping}, ${t.vat}, ${t.total}, ${draft.discountCode ?? null},
          ${addressColumns(draft.shippingAddress)}, ${addressColumns(draft.billingAddress)},
          ${p.method}, ${p.provider}, ${p.reference}, ${p.state}, ${draft.reservationExpiresAt?.toISOString() ?? null}, ${draft.lookupTokenHash},
          ${draft.clientAddress ?? null}, ${now}, ${now})
        RETURNING id`,
  )
  const orderId = Number(inserted[0].id)
  const lines = draft.lines.map(
    (l, i) =>
      sql`(${i + 1}, ${orderId}, ${arrayRowId()}, ${l.sku}, ${l.title}, ${JSON.stringify(l.options ?? [])}, ${l.unitPrice}, ${l.quantity}, ${l.lineTotal})`,
  )
  if (lines.length > 0) {
    await queryRows(
      payload,
      req,
      sql`INSERT INTO orders_lines (_order, _parent_id, id, sku, title, options, unit_price, quantity, line_total) VALUES ${sql.join(lines, sql`, `)} RETURNING id`,
    )
  }
  await insertHistory(payload, req, orderId, draft.statusHistory)
  return { id: inserted[0].id as Id, orderNumber: draft.orderNumber }
}

async function insertHistory(payload: Payload, req: PayloadRequest, orderId: number, history: OrderRecord['statusHistory']) {
  const rows = historyData(history).map((h, i) => sql`(${i + 1}, ${orderId}, ${arrayRowId()}, ${h.from}, ${h.to}, ${h.at}, ${h.by}, ${h.byName}, ${h.note})`)
  if (rows.length === 0) return
  await queryRows(
    payload,
    req,
    sql`INSERT INTO orders_status_history (_order, _parent_id, id, "from", "to", "at", "by", "by_name", "note") VALUES ${sql.join(rows, sql`, `)} RETURNING id`,
  )
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
