import type { Payload } from 'payload'

import { emptyDay, REVERSAL_STATUSES, SALE_STATUSES, WAITING_STATUSES, type DayFigures, type LondonDay } from '../commerce/reporting'
import { queryRows, sql } from './sql'

// SQLite has no time zones: the London day boundaries are computed in JS (src/commerce/reporting.ts) and each
// query sorts rows into them with one CASE, so both databases aggregate by exactly the same ranges.

type Num = number | string | null
const n = (value: Num | undefined) => Number(value ?? 0)
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )
/** An ISO instant both databases compare correctly: text in SQLite (Payload's own format), timestamptz in PostgreSQL. */
const iso = (d: Date) => d.toISOString()
const isoOf = (value: unknown) => new Date(value as string | Date).toISOString()

/** `CASE WHEN col < b1 THEN 0 … END`: the index of the day `col` falls in, for rows already within [b0, bN). */
function dayIndex(column: ReturnType<typeof sql>, boundaries: readonly Date[]) {
  const whens = boundaries.slice(1, -1).map((b, i) => sql`WHEN ${column} < ${iso(b)} THEN ${sql.raw(String(i))}`)
  return sql`CASE ${sql.join(whens, sql` `)} ELSE ${sql.raw(String(boundaries.length - 2))} END`
}

/** Sales and reversals per London day; `boundaries` has one more entry than `days`. */
export async function dailyFigures(payload: Payload, days: readonly LondonDay[], boundaries: readonly Date[]): Promise<DayFigures[]> {
  const [from, to] = [iso(boundaries[0]), iso(boundaries[boundaries.length - 1])]
  const sales = await queryRows<{ bucket: Num; orders: Num; revenue: Num }>(
    payload,
    undefined,
    sql`SELECT bucket, COUNT(*) AS orders, COALESCE(SUM(total), 0) AS revenue FROM (
          SELECT ${dayIndex(sql`created_at`, boundaries)} AS bucket, totals_total AS total FROM orders
          WHERE status IN (${list(SALE_STATUSES)}) AND created_at >= ${from} AND created_at < ${to}
        ) placed GROUP BY bucket`,
  )
  const reversals = await queryRows<{ bucket: Num; status: string; orders: Num; amount: Num }>(
    payload,
    undefined,
    sql`SELECT bucket, status, COUNT(*) AS orders, COALESCE(SUM(total), 0) AS amount FROM (
          SELECT ${dayIndex(sql`h.at`, boundaries)} AS bucket, h."to" AS status, o.totals_total AS total
          FROM orders_status_history h JOIN orders o ON o.id = h._parent_id
          WHERE h."to" IN (${list(REVERSAL_STATUSES)}) AND h.at >= ${from} AND h.at < ${to}
        ) reversed GROUP BY bucket, status`,
  )
  const series = days.map(emptyDay)
  for (const row of sales) Object.assign(series[n(row.bucket)], { orders: n(row.orders), revenue: n(row.revenue) })
  for (const row of reversals) {
    const day = series[n(row.bucket)]
    if (row.status === 'refunded') Object.assign(day, { refunds: n(row.orders), refunded: n(row.amount) })
    else day.cancellations = n(row.orders)
  }
  return series
}

export type WaitingFigure = (typeof WAITING_STATUSES)[number] & { count: number }

/** Orders waiting for someone, per status, as they stand now. */
export async function waitingOrders(payload: Payload): Promise<WaitingFigure[]> {
  const rows = await queryRows<{ status: string; orders: Num }>(
    payload,
    undefined,
    sql`SELECT status, COUNT(*) AS orders FROM orders WHERE status IN (${list(WAITING_STATUSES.map((w) => w.status))}) GROUP BY status`,
  )
  const counts = new Map(rows.map((r) => [r.status, n(r.orders)]))
  return WAITING_STATUSES.map((w) => ({ ...w, count: counts.get(w.status) ?? 0 }))
}

export type TopSeller = { sku: string; title: string; units: number; revenue: number; productId: number | string | null }

/** The SKUs that sold most units in orders placed within [from, to) that count as sales. */
export async function topSellers(payload: Payload, from: Date, to: Date, limit: number): Promise<TopSeller[]> {
  const rows = await queryRows<{ sku: string; title: string; units: Num; revenue: Num; product_id: number | string | null }>(
    payload,
    undefined,
    sql`SELECT l.sku AS sku, MAX(l.title) AS title, SUM(l.quantity) AS units, SUM(l.line_total) AS revenue, MAX(i.product_id) AS product_id
        FROM orders_lines l JOIN orders o ON o.id = l._parent_id LEFT JOIN inventory i ON i.sku = l.sku
        WHERE o.status IN (${list(SALE_STATUSES)}) AND o.created_at >= ${iso(from)} AND o.created_at < ${iso(to)}
        GROUP BY l.sku ORDER BY SUM(l.quantity) DESC, SUM(l.line_total) DESC, l.sku LIMIT ${sql.raw(String(Math.trunc(limit)))}`,
  )
  return rows.map((r) => ({ sku: r.sku, title: r.title, units: n(r.units), revenue: n(r.revenue), productId: r.product_id ?? null }))
}

export type Reversal = {
  orderId: number | string
  orderNumber: string
  status: 'cancelled' | 'refunded'
  from: string | null
  at: string
  total: number
}

/** The latest cancellations and refunds made before `before`, newest first. */
export async function recentReversals(payload: Payload, before: Date, limit: number): Promise<Reversal[]> {
  const rows = await queryRows<{ id: number | string; order_number: string; status: Reversal['status']; from: string | null; at: unknown; total: Num }>(
    payload,
    undefined,
    sql`SELECT o.id AS id, o.order_number AS order_number, h."to" AS status, h."from" AS "from", h.at AS at, o.totals_total AS total
        FROM orders_status_history h JOIN orders o ON o.id = h._parent_id
        WHERE h."to" IN (${list(REVERSAL_STATUSES)}) AND h.at < ${iso(before)}
        ORDER BY h.at DESC, o.id DESC LIMIT ${sql.raw(String(Math.trunc(limit)))}`,
  )
  return rows.map((r) => ({ orderId: r.id, orderNumber: r.order_number, status: r.status, from: r.from, at: isoOf(r.at), total: n(r.total) }))
}

export type StockItem = { id: number | string; sku: string; title: string; available: number; threshold: number }

/** Inventory rows of these SKUs, for links and names. */
export async function inventoryRows(payload: Payload, skus: readonly string[]): Promise<Map<string, { id: number | string; title: string }>> {
  if (skus.length === 0) return new Map()
  const rows = await queryRows<{ id: number | string; sku: string; title: string | null; variant_title: string | null }>(
    payload,
    undefined,
    sql`SELECT id, sku, title, variant_title FROM inventory WHERE sku IN (${list(skus)})`,
  )
  return new Map(rows.map((r) => [r.sku, { id: r.id, title: [r.title, r.variant_title].filter(Boolean).join(' – ') || r.sku }]))
}
