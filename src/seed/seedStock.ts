import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { changeAvailable } from '../infra/stock'
import type { PlannedSku } from './catalogue/plan'
import type { SeedContext } from './context'
import { SEED_CONTEXT } from './context'
import { forEachLimit } from './forEachLimit'

export const INITIAL_STOCK_NOTE = 'Initial stock (seed)'

// The stock change and its ledger row commit together, so the ledger always sums to the stock.
async function stockSku(payload: Payload, sku: string, quantity: number): Promise<void> {
  const req = await createLocalReq({ context: { ...SEED_CONTEXT } }, payload)
  await initTransaction(req)
  try {
    const changed = await changeAvailable(payload, req, sku, quantity)
    if (!changed) throw new Error(`Could not set stock for ${sku}`)
    await payload.create({
      collection: 'stock-movements',
      data: { sku, change: quantity, reason: 'restock', note: INITIAL_STOCK_NOTE },
      overrideAccess: true,
      context: SEED_CONTEXT,
      req,
    })
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/** Initial stock for SKUs still at 0 with no ledger rows; a SKU that has ever moved is left alone. */
export async function seedStock(ctx: SeedContext, skus: PlannedSku[]): Promise<void> {
  const { payload } = ctx
  const codes = skus.map((s) => s.sku)
  const [rows, movements] = await Promise.all([
    payload.find({ collection: 'inventory', where: { sku: { in: codes } }, depth: 0, pagination: false, overrideAccess: true }),
    payload.find({
      collection: 'stock-movements',
      where: { sku: { in: codes } },
      select: { sku: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    }),
  ])
  const available = new Map(rows.docs.map((row) => [row.sku, row.available]))
  const moved = new Set(movements.docs.map((m) => m.sku))
  await forEachLimit(skus, ctx.concurrency, async ({ sku, stock }) => {
    if (!available.has(sku)) return ctx.log(`  stock ${sku}: no inventory row (was its product created?), skipped`)
    if (stock === 0 || moved.has(sku) || available.get(sku) !== 0) return
    await stockSku(payload, sku, stock)
    ctx.tally.stock += 1
  })
  if (ctx.tally.stock > 0) ctx.log(`  stock set for ${ctx.tally.stock} SKUs`)
}
