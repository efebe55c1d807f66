import type { Payload, PayloadRequest } from 'payload'

import type { HoldCount, HolderKeys, PendingHoldCounts } from '../../commerce/holds'
import { queryRows, sql } from '../sql'

type Num = number | string | null

/** Pending orders and their units matching one condition, on the request's transaction. */
async function countWhere(payload: Payload, req: PayloadRequest | undefined, condition: ReturnType<typeof sql>): Promise<HoldCount> {
  const rows = await queryRows<{ orders: Num; units: Num }>(
    payload,
    req,
    sql`SELECT COUNT(DISTINCT o.id) AS orders, COALESCE(SUM(l.quantity), 0) AS units
        FROM orders o LEFT JOIN orders_lines l ON l._parent_id = o.id
        WHERE o.status = 'pending' AND ${condition}`,
  )
  return { orders: Number(rows[0]?.orders ?? 0), units: Number(rows[0]?.units ?? 0) }
}

/** The hold caps' counts (src/commerce/holds.ts): by email in any case, by customer, by client address. */
export async function countPendingHolds(payload: Payload, req: PayloadRequest | undefined, keys: HolderKeys): Promise<PendingHoldCounts> {
  const [email, customer, address] = await Promise.all([
    countWhere(payload, req, sql`lower(o.email) = ${keys.email.toLowerCase()}`),
    keys.customerId == null ? null : countWhere(payload, req, sql`o.customer_id = ${Number(keys.customerId)}`),
    keys.clientAddress == null ? null : countWhere(payload, req, sql`o.client_address = ${keys.clientAddress}`),
  ])
  return { email, customer, address }
}
