import type { Payload, PayloadRequest } from 'payload'

import { setStockStatusAfter } from './commerce/stockStatusSql'
import { queryRows, sql } from './sql'

// One conditional statement: the row changes only if the result stays ≥ 0, so concurrent writers never oversell.
export async function changeAvailable(
  payload: Payload,
  req: PayloadRequest | undefined,
  sku: string,
  change: number,
): Promise<{ available: number; lowStockThreshold: number } | null> {
  const rows = await queryRows<{ available: number | string; low_stock_threshold: number | string | null }>(
    payload,
    req,
    sql`UPDATE inventory SET available = available + ${change}, ${setStockStatusAfter(payload, change)}, updated_at = ${new Date().toISOString()}
        WHERE sku = ${sku} AND available + ${change} >= 0
        RETURNING available, low_stock_threshold`,
  )
  if (rows.length === 0) return null
  return { available: Number(rows[0].available), lowStockThreshold: Number(rows[0].low_stock_threshold ?? 0) }
}

export async function readAvailable(payload: Payload, req: PayloadRequest | undefined, skus: string[]) {
  if (skus.length === 0) return new Map<string, number>()
  const rows = await queryRows<{ sku: string; available: number | string }>(
    payload,
    req,
    sql`SELECT sku, available FROM inventory WHERE sku IN (${sql.join(
      skus.map((s) => sql`${s}`),
      sql`, `,
    )})`,
  )
  return new Map(rows.map((r) => [r.sku, Number(r.available)]))
}

/** Every SKU at or below its low-stock threshold, by SKU: the morning digest's list. */
export async function findLowStock(payload: Payload): Promise<{ sku: string; available: number; threshold: number }[]> {
  const rows = await queryRows<{ sku: string; available: number | string; low_stock_threshold: number | string }>(
    payload,
    undefined,
    sql`SELECT sku, available, low_stock_threshold FROM inventory WHERE available <= low_stock_threshold ORDER BY sku`,
  )
  return rows.map((r) => ({ sku: r.sku, available: Number(r.available), threshold: Number(r.low_stock_threshold) }))
}
