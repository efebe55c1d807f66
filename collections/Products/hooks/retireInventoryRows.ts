import type { CollectionBeforeDeleteHook } from 'payload'

import { adjustmentMovement } from '../../../src/commerce/stock'
import { payloadCommerceStore } from '../../../src/infra/commerce/store'

export const PRODUCT_DELETED_NOTE = 'Product deleted'

/**
 * A deleted product's SKUs are free to use again: their stock rows go with it (a row left behind blocked the SKU),
 * and the ledger gets an adjustment taking each to zero so every SKU's rows still sum to its stock.
 */
export const retireInventoryRows: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const rows = await req.payload.find({
    collection: 'inventory',
    where: { product: { equals: id } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (rows.docs.length === 0) return
  const by = req.user?.collection === 'users' ? req.user.id : null
  const movements = rows.docs
    .filter((row) => (row.available ?? 0) !== 0)
    .map((row) => adjustmentMovement(row.sku, -(row.available ?? 0), { by, note: PRODUCT_DELETED_NOTE }))
  await payloadCommerceStore(req.payload, req).insertMovements(movements)
  await req.payload.delete({ collection: 'inventory', where: { product: { equals: id } }, overrideAccess: true, context: { workflowWrite: true }, req })
}
