import type { Payload, PayloadRequest } from 'payload'

import { dialect, queryRows, sql } from '../sql'

/**
 * `stock_status = …` for an UPDATE that adds `change` to available: stockStatusOf (src/commerce/stockStatus.ts) in
 * SQL, so the stored status moves in the same statement as the stock it describes. Both sides read the row's old
 * values, as SQL's SET does. Postgres stores the select as an enum, which a CASE of text must be cast to.
 */
export function setStockStatusAfter(payload: Payload, change: number) {
  const status = sql`CASE WHEN available + ${change} <= 0 THEN 'out'
    WHEN available + ${change} <= COALESCE(low_stock_threshold, 0) THEN 'low' ELSE 'ok' END`
  return dialect(payload) === 'postgres' ? sql`stock_status = CAST(${status} AS enum_inventory_stock_status)` : sql`stock_status = ${status}`
}

/** Recomputes one row's stored status from its current figures, on the request's transaction. */
export async function refreshStockStatus(payload: Payload, req: PayloadRequest | undefined, id: number | string): Promise<void> {
  await queryRows(payload, req, sql`UPDATE inventory SET ${setStockStatusAfter(payload, 0)} WHERE id = ${Number(id)} RETURNING id`)
}
