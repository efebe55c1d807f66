import type { Payload, PayloadRequest } from 'payload'

import type { ThresholdChange } from '../../commerce/csv'
import { dialect, queryRows, sql } from '../sql'

const CHUNK = 500

/**
 * Sets low-stock thresholds on existing stock rows, one UPDATE per value and 500 SKUs, with the stored status
 * recomputed in the same statement (stockStatusOf's rule, as src/infra/commerce/stockStatusSql.ts writes it).
 */
export async function setThresholds(payload: Payload, req: PayloadRequest, changes: readonly ThresholdChange[]): Promise<void> {
  const byValue = new Map<number, string[]>()
  for (const t of changes) byValue.set(t.to, [...(byValue.get(t.to) ?? []), t.sku])
  const now = new Date().toISOString()
  for (const [value, skus] of byValue) {
    const status = sql`CASE WHEN available <= 0 THEN 'out' WHEN available <= ${value} THEN 'low' ELSE 'ok' END`
    const set = dialect(payload) === 'postgres' ? sql`CAST(${status} AS enum_inventory_stock_status)` : status
    for (let i = 0; i < skus.length; i += CHUNK) {
      const list = sql.join(
        skus.slice(i, i + CHUNK).map((sku) => sql`${sku}`),
        sql`, `,
      )
      await queryRows(
        payload,
        req,
        sql`UPDATE inventory SET low_stock_threshold = ${value}, stock_status = ${set}, updated_at = ${now} WHERE sku IN (${list}) RETURNING id`,
      )
    }
  }
}
