import type { CommerceEvent } from '../events'
import { crossedLowStock } from '../stock'
import type { StockMovement, StockReason } from '../stock'
import type { CommerceStore, Id } from './ports'
import { defineStep } from './runWorkflow'
import type { WorkflowStep } from './runWorkflow'

/** A stock change made by a step, kept for the events published after commit. */
export interface StockChange {
  sku: string
  change: number
  available: number
  reason: StockReason
  lowStockThreshold: number | null
}

export interface StockContext {
  stockChanges: StockChange[]
}

export interface StockLine {
  sku: string
  quantity: number
  lowStockThreshold?: number
}

/** Takes stock with the conditional update; `onShort` builds the 409 when it comes back empty. */
export function reserveStockStep<C extends StockContext>(
  tx: CommerceStore,
  line: StockLine,
  onShort: (sku: string) => Promise<Error>,
): WorkflowStep<C, unknown> {
  return defineStep<C, { sku: string; quantity: number }>({
    name: `reserveStock:${line.sku}`,
    async run(ctx) {
      const available = await tx.reserveStock(line.sku, line.quantity)
      if (available === null) throw await onShort(line.sku)
      const threshold = line.lowStockThreshold ?? null
      ctx.stockChanges.push({
        sku: line.sku,
        change: -line.quantity,
        available,
        reason: 'reserve',
        lowStockThreshold: threshold,
      })
      return { sku: line.sku, quantity: line.quantity }
    },
    undo: async (_ctx, taken) => {
      await tx.releaseStock(taken.sku, taken.quantity)
    },
  })
}

/** Puts stock back (release or restock); undone by taking it again, which fails if it was sold meanwhile. */
export function returnStockStep<C extends StockContext>(tx: CommerceStore, line: StockLine, reason: 'release' | 'restock'): WorkflowStep<C, unknown> {
  return defineStep<C, { sku: string; quantity: number }>({
    name: `${reason}Stock:${line.sku}`,
    async run(ctx) {
      const available = await tx.releaseStock(line.sku, line.quantity)
      ctx.stockChanges.push({
        sku: line.sku,
        change: line.quantity,
        available,
        reason,
        lowStockThreshold: null,
      })
      return { sku: line.sku, quantity: line.quantity }
    },
    undo: async (_ctx, returned) => {
      const after = await tx.reserveStock(returned.sku, returned.quantity)
      if (after === null) throw new Error(`Could not take back ${returned.quantity} of ${returned.sku}: already sold`)
    },
  })
}

/** Writes ledger rows built from the context; undone by deleting exactly those rows. */
export function insertMovementsStep<C>(tx: CommerceStore, name: string, rows: (ctx: C) => StockMovement[]): WorkflowStep<C, unknown> {
  return defineStep<C, Id[]>({
    name,
    async run(ctx) {
      const built = rows(ctx)
      return built.length > 0 ? tx.insertMovements(built) : []
    },
    undo: async (_ctx, ids) => {
      if (ids.length > 0) await tx.deleteMovements(ids)
    },
  })
}

/** stock.changed for every change, stock.low where a change crossed the SKU's threshold. */
export function stockEvents(changes: readonly StockChange[]): CommerceEvent[] {
  return changes.flatMap((c): CommerceEvent[] => {
    const changed: CommerceEvent = {
      type: 'stock.changed',
      payload: { sku: c.sku, available: c.available, change: c.change, reason: c.reason },
    }
    const low = c.lowStockThreshold !== null && crossedLowStock(c.available - c.change, c.available, c.lowStockThreshold)
    if (!low) return [changed]
    return [
      changed,
      {
        type: 'stock.low',
        payload: { sku: c.sku, available: c.available, threshold: c.lowStockThreshold as number },
      },
    ]
  })
}
