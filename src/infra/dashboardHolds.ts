import type { Payload } from 'payload'

import { queryRows, sql } from './sql'

type Num = number | string | null
const n = (value: Num | undefined) => Number(value ?? 0)

export type HeldOrder = {
  orderId: number | string
  orderNumber: string
  units: number
  /** True when a signed-out shopper placed it (their hold is the short one). */
  guest: boolean
  expiresAt: string | null
}

/** Stock held by unpaid (pending) orders: the totals and the orders holding most, for the dashboard. */
export type PendingHolds = { orders: number; units: number; guestOrders: number; largest: HeldOrder[] }

export async function pendingHolds(payload: Payload, limit: number): Promise<PendingHolds> {
  const [totals] = await queryRows<{ orders: Num; units: Num; guests: Num }>(
    payload,
    undefined,
    sql`SELECT COUNT(DISTINCT o.id) AS orders, COALESCE(SUM(l.quantity), 0) AS units,
          COUNT(DISTINCT CASE WHEN o.customer_id IS NULL THEN o.id END) AS guests
        FROM orders o LEFT JOIN orders_lines l ON l._parent_id = o.id WHERE o.status = 'pending'`,
  )
  const rows = await queryRows<{ id: number | string; order_number: string; customer_id: Num; expires: unknown; units: Num }>(
    payload,
    undefined,
    sql`SELECT o.id AS id, o.order_number AS order_number, o.customer_id AS customer_id, o.reservation_expires_at AS expires, SUM(l.quantity) AS units
        FROM orders o JOIN orders_lines l ON l._parent_id = o.id WHERE o.status = 'pending'
        GROUP BY o.id, o.order_number, o.customer_id, o.reservation_expires_at
        ORDER BY SUM(l.quantity) DESC, o.id LIMIT ${sql.raw(String(Math.trunc(limit)))}`,
  )
  return {
    orders: n(totals?.orders),
    units: n(totals?.units),
    guestOrders: n(totals?.guests),
    largest: rows.map((r) => ({
      orderId: r.id,
      orderNumber: r.order_number,
      units: n(r.units),
      guest: r.customer_id == null,
      expiresAt: r.expires ? new Date(r.expires as string).toISOString() : null,
    })),
  }
}
