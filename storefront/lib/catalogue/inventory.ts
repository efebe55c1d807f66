import { cmsGet } from '../cms/client'
import { readAllPages } from '../cms/pages'
import { inList, toQueryString } from '../cms/query'
import type { Where } from '../cms/query'
import type { InventoryRow, Paginated } from '../cms/types'
import { idOf } from '../cms/types'

// Stock lives in `inventory` rows, one per SKU; these reads are cached briefly and revalidated by the CMS, which sends
// `sku:<SKU>` and `inventory` whenever a SKU's stock moves, and `in-stock` too when it sold out or came back
// (plugins/storefrontRevalidation/tags.ts).
const STOCK_REVALIDATE_SECONDS = 60
const ROW_FIELDS = { sku: true, available: true, product: true }
/** Bounds the id list sent back to the CMS in the in-stock filter's query string. */
const MAX_IN_STOCK_IDS = 1500
/** Next keeps at most 128 tags per fetch: a product with more SKUs is read under `inventory` instead. */
const MAX_SKU_TAGS = 120

// The CMS serves at most a page of CMS_PAGE_LIMIT rows to anonymous readers, so longer lists are read page by page.
function findRows(where: Where, tags: string[], maxRows?: number): Promise<InventoryRow[]> {
  return readAllPages(async (page, limit) => {
    const query = toQueryString({ where, depth: 0, select: ROW_FIELDS, sort: 'sku', limit, page })
    return cmsGet<Paginated<InventoryRow>>(`/api/inventory?${query}`, {
      endpoint: 'inventory',
      tags,
      revalidate: STOCK_REVALIDATE_SECONDS,
    })
  }, maxRows)
}

/**
 * Available units per SKU of one product; a SKU without a row is absent (treat as 0). Tagged by its SKUs alone (not
 * the product: its SKUs are in the query, and a product saved with other SKUs reads under another key), so a price
 * edit re-reads the product alone, and a sale of another product's SKU (which sends `inventory` too) leaves this
 * read, and the product page kept whole (lib/pageCache), as they are.
 */
export async function stockForSkus(skus: readonly string[]): Promise<Map<string, number>> {
  if (skus.length === 0) return new Map()
  const tags = skus.length <= MAX_SKU_TAGS ? skus.map((sku) => `sku:${sku}`) : ['inventory']
  const rows = await findRows({ sku: { in: inList(skus) } }, tags)
  return new Map(rows.map((r) => [r.sku, r.available]))
}

/**
 * Whether each listed product has any SKU in stock. Tagged `in-stock`: only a SKU selling out or coming back changes
 * the answer, so a sale that leaves units keeps this read, and the home and category pages (lib/pageCache), as they are.
 */
export async function productsInStock(productIds: readonly number[]): Promise<Set<number>> {
  if (productIds.length === 0) return new Set()
  const rows = await findRows({ and: [{ product: { in: inList(productIds) } }, { available: { greater_than: 0 } }] }, ['in-stock'])
  return new Set(rows.map((r) => idOf(r.product)).filter((id): id is number => id !== null))
}

/** Products with stock within a category tree or a title search, for the in-stock filter (tagged like productsInStock). */
export async function inStockProductIds(scope: { categoryIds?: readonly number[]; search?: string }): Promise<number[]> {
  const and: Where[] = [{ available: { greater_than: 0 } }]
  if (scope.categoryIds) and.push({ 'product.categories': { in: inList(scope.categoryIds) } })
  if (scope.search) and.push({ 'product.title': { like: scope.search } })
  const rows = await findRows({ and }, ['in-stock'], MAX_IN_STOCK_IDS)
  return [...new Set(rows.map((r) => idOf(r.product)).filter((id): id is number => id !== null))]
}

/** Uncached: for the add-to-cart check. null when the SKU has no stock row. */
export async function currentStock(sku: string): Promise<number | null> {
  const query = toQueryString({ where: { sku: { equals: sku } }, limit: 1, depth: 0, select: ROW_FIELDS })
  const data = await cmsGet<Paginated<InventoryRow>>(`/api/inventory?${query}`, { endpoint: 'inventory' })
  return data.docs[0]?.available ?? null
}
