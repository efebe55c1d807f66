import type { CollectionAfterOperationHook } from 'payload'

import { productSkus } from '../../../src/commerce/sku'
import { readAvailable } from '../../../src/infra/stock'

type Variant = { sku?: string | null; available?: number | null }
type ProductDoc = { sku?: string | null; variants?: Variant[] | null; available?: number | null }

const CHUNK = 500

/**
 * Fills the virtual `available` fields (the product's total and each variant's) from inventory: one query per read, for
 * every document it returns, so a listing costs no call per product. Stock events bump the products cache version
 * (plugins/cacheInvalidation), so a cached read never shows old figures.
 */
export const addAvailableStock: CollectionAfterOperationHook<'products'> = async ({ operation, result, req }) => {
  if (operation !== 'find' && operation !== 'findByID') return result
  const docs = (operation === 'find' ? (result as { docs?: ProductDoc[] }).docs : [result as ProductDoc]) ?? []
  const skus = [...new Set(docs.filter((d) => d && typeof d === 'object').flatMap((d) => productSkus(d)))]
  if (skus.length === 0) return result
  const stock = new Map<string, number>()
  for (let i = 0; i < skus.length; i += CHUNK) {
    for (const [sku, available] of await readAvailable(req.payload, req, skus.slice(i, i + CHUNK))) stock.set(sku, available)
  }
  for (const doc of docs) {
    if (!doc || typeof doc !== 'object') continue
    const own = productSkus(doc)
    if (own.length === 0) continue
    for (const variant of doc.variants ?? []) if (variant?.sku) variant.available = stock.get(variant.sku) ?? 0
    doc.available = own.reduce((sum, sku) => sum + (stock.get(sku) ?? 0), 0)
  }
  return result
}
