import { conflict } from '../errors'
import { adjustmentMovement } from '../stock'
import type { CommerceStore, Id } from '../workflows/ports'
import type { StockChange as LedgerChange } from '../workflows/stockSteps'
import type { StockChange } from './plan'

const LEDGER_CHUNK = 500

/**
 * Sets each SKU's stock as a planned import says, inside the caller's transaction: a compare-and-set from the level
 * the preview saw (a sale since then refuses the whole import) and an adjustment row in the ledger for each change.
 * Returns the changes for the stock events published after commit.
 */
export async function applyStockChanges(
  tx: CommerceStore,
  changes: readonly StockChange[],
  meta: { by: Id | null; note: string; thresholds: ReadonlyMap<string, number> },
  onApplied: (count: number) => void = () => {},
): Promise<LedgerChange[]> {
  const applied: LedgerChange[] = []
  for (const change of changes) {
    const delta = change.to - change.from
    const available = await tx.adjustAvailable(change.sku, delta, change.from)
    if (available === null) {
      throw conflict('stock_changed', `Stock of ${change.sku} (row ${change.row}) changed since the preview: nothing was imported; preview the file again`)
    }
    applied.push({ sku: change.sku, change: delta, available, reason: 'adjustment', lowStockThreshold: meta.thresholds.get(change.sku) ?? null })
    onApplied(1)
  }
  await recordMovements(tx, applied, meta)
  return applied
}

async function recordMovements(tx: CommerceStore, applied: readonly LedgerChange[], meta: { by: Id | null; note: string }) {
  for (let i = 0; i < applied.length; i += LEDGER_CHUNK) {
    await tx.insertMovements(applied.slice(i, i + LEDGER_CHUNK).map((c) => adjustmentMovement(c.sku, c.change, { by: meta.by, note: meta.note })))
  }
}

/**
 * The ledger side of SKUs the import itself created, their stock rows already written at the file's level: one
 * adjustment each from 0, so the ledger still sums to the stock. Returns the changes for webhooks and events.
 */
export async function recordOpeningStock(
  tx: CommerceStore,
  changes: readonly StockChange[],
  meta: { by: Id | null; note: string; thresholds: ReadonlyMap<string, number> },
  onApplied: (count: number) => void = () => {},
): Promise<LedgerChange[]> {
  const applied = changes.map((c): LedgerChange => ({
    sku: c.sku,
    change: c.to - c.from,
    available: c.to,
    reason: 'adjustment',
    lowStockThreshold: meta.thresholds.get(c.sku) ?? null,
  }))
  await recordMovements(tx, applied, meta)
  for (let i = 0; i < applied.length; i++) onApplied(1)
  return applied
}
