import type { CollectionAfterOperationHook } from 'payload'

import { fillAvailable, skusOfProducts } from '../../../src/commerce/availableStock'
import { readAvailable } from '../../../src/infra/stock'

const CHUNK = 500

/**
 * Fills the virtual `available` fields (the product's total and each variant's) from inventory: one query per read, for
 * every document it returns, so a listing costs no call per product. Stock events bump the products cache version
 * (plugins/cacheInvalidation), so a cached read never shows old figures. The catalogue read model fills them the same way.
 */
export const addAvailableStock: CollectionAfterOperationHook<'products'> = async ({ operation, result, req }) => {
  if (operation !== 'find' && operation !== 'findByID') return result
  const docs = (operation === 'find' ? (result as { docs?: unknown[] }).docs : [result]) ?? []
  const skus = skusOfProducts(docs)
  if (skus.length === 0) return result
  const stock = new Map<string, number>()
  for (let i = 0; i < skus.length; i += CHUNK) {
    for (const [sku, available] of await readAvailable(req.payload, req, skus.slice(i, i + CHUNK))) stock.set(sku, available)
  }
  fillAvailable(docs, stock)
  return result
}
