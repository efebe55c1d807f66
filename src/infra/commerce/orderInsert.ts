import { randomBytes } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import type { Id, OrderDraft, OrderRecord } from '../../commerce/workflows/ports'
import { dialect, queryRows, sql } from '../sql'

/** Array rows get Payload's id shape (24 hex digits, like an ObjectId) when written without the Local API. */
const arrayRowId = () => randomBytes(12).toString('hex')

const historyData = (h: OrderRecord['statusHistory']) =>
  h.map((e, i) => ({
    _order: i + 1,
    id: arrayRowId(),
    from: e.from,
    to: e.to,
    at: e.at.toISOString(),
    by: e.by == null ? null : String(e.by),
    by_name: e.byName ?? null,
    note: e.note,
  }))

const lineData = (lines: OrderDraft['lines']) =>
  lines.map((l, i) => ({
    _order: i + 1,
    id: arrayRowId(),
    sku: l.sku,
    title: l.title,
    options: l.options ?? [],
    unit_price: l.unitPrice,
    quantity: l.quantity,
    line_total: l.lineTotal,
  }))

const addressColumns = (a: OrderDraft['shippingAddress']) => sql`${a.name}, ${a.line1}, ${a.line2 ?? null}, ${a.city}, ${a.postcode}, ${a.country}`

function orderRow(draft: OrderDraft) {
  const now = new Date().toISOString()
  const { totals: t, payment: p } = draft
  return sql`INSERT INTO orders (order_number, status, customer_id, email, totals_subtotal, totals_discount, totals_shipping, totals_vat,
      totals_total, discount_code, shipping_address_name, shipping_address_line1, shipping_address_line2, shipping_address_city,
      shipping_address_postcode, shipping_address_country, billing_address_name, billing_address_line1, billing_address_line2,
      billing_address_city, billing_address_postcode, billing_address_country, payment_method, payment_provider, payment_reference,
      payment_state, reservation_expires_at, lookup_token_hash, client_address, updated_at, created_at)
    VALUES (${draft.orderNumber}, ${draft.status}, ${draft.customer == null ? null : Number(draft.customer)}, ${draft.email},
      ${t.subtotal}, ${t.discount}, ${t.shipping}, ${t.vat}, ${t.total}, ${draft.discountCode ?? null},
      ${addressColumns(draft.shippingAddress)}, ${addressColumns(draft.billingAddress)},
      ${p.method}, ${p.provider}, ${p.reference}, ${p.state}, ${draft.reservationExpiresAt?.toISOString() ?? null}, ${draft.lookupTokenHash},
      ${draft.clientAddress ?? null}, ${now}, ${now})
    RETURNING id`
}

/**
 * PostgreSQL: the order row, its lines and its history in one statement (data-modifying CTEs; the lines and history
 * arrive as two JSON arrays, so the text is the same for every order). The foreign keys are checked at its end.
 */
async function insertOrderOnPostgres(payload: Payload, req: PayloadRequest, draft: OrderDraft): Promise<Id> {
  const rows = await queryRows<{ id: number }>(
    payload,
    req,
    sql`WITH o AS (${orderRow(draft)}),
      l AS (INSERT INTO orders_lines (_order, _parent_id, id, sku, title, options, unit_price, quantity, line_total)
        SELECT x._order, o.id, x.id, x.sku, x.title, x.options, x.unit_price, x.quantity, x.line_total
        FROM o, jsonb_to_recordset(CAST(${JSON.stringify(lineData(draft.lines))} AS jsonb))
          AS x(_order integer, id varchar, sku varchar, title varchar, options jsonb, unit_price numeric, quantity numeric, line_total numeric)),
      h AS (INSERT INTO orders_status_history (_order, _parent_id, id, "from", "to", "at", "by", "by_name", "note")
        SELECT x._order, o.id, x.id, x."from", x."to", x."at", x."by", x.by_name, x.note
        FROM o, jsonb_to_recordset(CAST(${JSON.stringify(historyData(draft.statusHistory))} AS jsonb))
          AS x(_order integer, id varchar, "from" varchar, "to" varchar, "at" timestamptz, "by" varchar, by_name varchar, note varchar))
    SELECT id FROM o`,
  )
  return rows[0].id
}

// SQLite has no data-modifying CTEs: the row, then its lines and its history (when it has any), one INSERT each.
async function insertOrderOnSqlite(payload: Payload, req: PayloadRequest, draft: OrderDraft): Promise<Id> {
  const inserted = await queryRows<{ id: number }>(payload, req, orderRow(draft))
  const orderId = Number(inserted[0].id)
  const lines = lineData(draft.lines).map(
    (l) => sql`(${l._order}, ${orderId}, ${l.id}, ${l.sku}, ${l.title}, ${JSON.stringify(l.options)}, ${l.unit_price}, ${l.quantity}, ${l.line_total})`,
  )
  if (lines.length > 0) {
    await queryRows(
      payload,
      req,
      sql`INSERT INTO orders_lines (_order, _parent_id, id, sku, title, options, unit_price, quantity, line_total) VALUES ${sql.join(lines, sql`, `)} RETURNING id`,
    )
  }
  await insertHistory(payload, req, orderId, draft.statusHistory)
  return inserted[0].id
}

/**
 * The order row, its lines and its history written as plain SQL on the checkout's transaction (docs/performance.md,
 * "Checkout"). Payload's create validated input the checkout had already validated, ran hooks that do nothing on a
 * create (orders have no afterChange hooks, versions or search index; the cache and dashboards follow the
 * `order.placed` event) and read the order back, and was the largest single cost of a checkout. The columns are the
 * ones Payload writes for the Orders collection; tests/int/orderInsert.int.spec.ts reads an order written here back
 * through Payload, field by field, on both databases.
 */
export async function createOrder(payload: Payload, req: PayloadRequest, draft: OrderDraft) {
  const id = dialect(payload) === 'postgres' ? await insertOrderOnPostgres(payload, req, draft) : await insertOrderOnSqlite(payload, req, draft)
  return { id, orderNumber: draft.orderNumber }
}

/** Appends these history rows to an order (its rows were deleted first when the whole list is rewritten). */
export async function insertHistory(payload: Payload, req: PayloadRequest, orderId: number, history: OrderRecord['statusHistory']) {
  const rows = historyData(history).map((h) => sql`(${h._order}, ${orderId}, ${h.id}, ${h.from}, ${h.to}, ${h.at}, ${h.by}, ${h.by_name}, ${h.note})`)
  if (rows.length === 0) return
  await queryRows(
    payload,
    req,
    sql`INSERT INTO orders_status_history (_order, _parent_id, id, "from", "to", "at", "by", "by_name", "note") VALUES ${sql.join(rows, sql`, `)} RETURNING id`,
  )
}
