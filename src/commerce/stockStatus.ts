/** What the inventory list shows and filters by: none left, at or below the threshold, or fine. */
export const STOCK_STATUSES = ['ok', 'low', 'out'] as const
export type StockStatus = (typeof STOCK_STATUSES)[number]

export const STOCK_STATUS_LABELS: Readonly<Record<StockStatus, string>> = { ok: 'In stock', low: 'Low', out: 'Out of stock' }

/**
 * Out at 0, low at or below the threshold (the low-stock digest's rule), ok above it. A missing threshold counts
 * as 0. The SQL in src/infra/commerce/stockStatusSql.ts writes the same rule inside the stock updates.
 */
export function stockStatusOf(available: number, lowStockThreshold: number | null | undefined): StockStatus {
  if (available <= 0) return 'out'
  if (available <= (lowStockThreshold ?? 0)) return 'low'
  return 'ok'
}
