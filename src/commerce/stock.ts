import { CommerceError, conflict, invalidField } from './errors'

export const STOCK_REASONS = ['reserve', 'sale', 'release', 'restock', 'adjustment'] as const
export type StockReason = (typeof STOCK_REASONS)[number]

export const MAX_LINE_QUANTITY = 1000

type Id = number | string

/** One ledger row; a SKU's rows always sum to its available stock. */
export interface StockMovement {
  sku: string
  change: number
  reason: StockReason
  order?: Id | null
  by?: Id | null
  note?: string | null
}

export interface SkuQuantity {
  sku: string
  quantity: number
}

/** The sign each order-driven reason gives to a line's quantity. */
const SIGN: Record<Exclude<StockReason, 'adjustment'>, number> = {
  reserve: -1,
  sale: 0,
  release: 1,
  restock: 1,
}

export function isValidLineQuantity(quantity: unknown): quantity is number {
  return Number.isInteger(quantity) && (quantity as number) >= 1 && (quantity as number) <= MAX_LINE_QUANTITY
}

export function assertLineQuantity(quantity: unknown, field = 'quantity'): asserts quantity is number {
  if (!isValidLineQuantity(quantity)) {
    throw invalidField('invalid_quantity', field, `must be a whole number from 1 to ${MAX_LINE_QUANTITY}`)
  }
}

/** Repeated SKUs become one line, in order of first appearance. */
export function mergeItems<T extends SkuQuantity>(items: readonly T[]): SkuQuantity[] {
  const merged = new Map<string, number>()
  for (const item of items) merged.set(item.sku, (merged.get(item.sku) ?? 0) + item.quantity)
  return [...merged].map(([sku, quantity]) => ({ sku, quantity }))
}

/** Code-unit order, not locale order: every process must lock rows in the same order to avoid deadlocks. */
export function compareSkus(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function sortBySku<T extends { sku: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareSkus(a.sku, b.sku))
}

/** Ledger rows for an order event (reserve −q, sale 0, release +q, restock +q). */
export function orderMovements(
  reason: Exclude<StockReason, 'adjustment'>,
  lines: readonly SkuQuantity[],
  meta: { order: Id; by?: Id | null; note?: string | null },
): StockMovement[] {
  return lines.map((line) => ({
    sku: line.sku,
    change: SIGN[reason] * line.quantity,
    reason,
    order: meta.order,
    by: meta.by ?? null,
    note: meta.note ?? null,
  }))
}

export function adjustmentMovement(sku: string, change: number, meta: { by?: Id | null; note: string }): StockMovement {
  return { sku, change, reason: 'adjustment', order: null, by: meta.by ?? null, note: meta.note }
}

export function ledgerSum(movements: readonly Pick<StockMovement, 'sku' | 'change'>[], sku?: string): number {
  return movements.filter((m) => sku === undefined || m.sku === sku).reduce((sum, m) => sum + m.change, 0)
}

export type StockAdjustment = { delta: number } | { setTo: number }

/**
 * Turns a staff adjustment into a delta against `available`. For `setTo` the adapter must
 * read `available` and apply the delta atomically (compare-and-set), else a concurrent sale is lost.
 */
export function applyAdjustment(available: number, adjustment: StockAdjustment): { delta: number; available: number } {
  let delta: number
  if ('delta' in adjustment) {
    if (!Number.isSafeInteger(adjustment.delta) || adjustment.delta === 0) {
      throw invalidField('invalid_adjustment', 'delta', 'must be a whole number other than 0')
    }
    delta = adjustment.delta
  } else {
    if (!Number.isSafeInteger(adjustment.setTo) || adjustment.setTo < 0) {
      throw invalidField('invalid_adjustment', 'setTo', 'must be a whole number, 0 or more')
    }
    delta = adjustment.setTo - available
  }
  const next = available + delta
  if (next < 0) {
    throw conflict('negative_stock', `Stock cannot go below 0 (available ${available}, change ${delta})`, {
      available,
      change: delta,
    })
  }
  return { delta, available: next }
}

/** True when a change moves stock from above the threshold to at or below it. */
export function crossedLowStock(before: number, after: number, threshold: number): boolean {
  return before > threshold && after <= threshold
}

/**
 * True when a change takes a SKU's stock to none or back from none. Only such a change can move its product in or out
 * of stock (the product has units while any of its SKUs has some); the rest leave every in-stock flag as it was.
 */
export function crossedZero(change: { available: number; change: number }): boolean {
  const before = change.available - change.change
  return before > 0 !== change.available > 0
}

/** The 409 body for a checkout that cannot be filled. */
export function insufficientStock(shortages: { sku: string; requested: number; available: number }[]): CommerceError {
  const list = shortages.map((s) => `${s.sku} (requested ${s.requested}, available ${s.available})`).join(', ')
  return new CommerceError(409, 'insufficient_stock', `Not enough stock for ${list}`, shortages)
}
