import type { Payload, PayloadRequest } from 'payload'

import { buildSearchDocument } from '../../commerce/search/searchDocument'
import { dialect, queryRows, sql } from '../sql'
import { readSearchSources } from './sources'
import { insertIntoIndex, removeFromIndex } from './writer'

// Products read and written per round: each table's rows for a batch go in one or a few statements.
const BATCH = 1000

/**
 * Brings these products' index entries in line with their published rows: a published product is (re)written,
 * anything else is removed. Runs on the request's transaction, so the index commits or rolls back with the change.
 */
export async function reindexProducts(payload: Payload, req: PayloadRequest | undefined, ids: readonly (number | string)[]): Promise<void> {
  const all = [...new Set(ids.map(Number).filter(Number.isFinite))]
  for (let start = 0; start < all.length; start += BATCH) {
    const batch = all.slice(start, start + BATCH)
    const docs = (await readSearchSources(payload, req, batch)).map(buildSearchDocument)
    await removeFromIndex(payload, req, batch)
    await insertIntoIndex(payload, req, docs)
  }
}

/** Empties the index and its vocabulary, then indexes every published product (migrations, seeding, bulk writes). */
export async function rebuildSearchIndex(payload: Payload, req?: PayloadRequest): Promise<number> {
  const tables = ['search_products', 'search_product_categories', 'search_skus', 'search_words']
  if (dialect(payload) === 'sqlite') tables.push('search_fts', 'search_word_trigrams')
  for (const table of tables) await queryRows(payload, req, sql.raw(`DELETE FROM ${table}`))
  const rows = await queryRows<{ id: number }>(payload, req, sql`SELECT id FROM products WHERE _status = 'published' ORDER BY id`)
  await reindexProducts(
    payload,
    req,
    rows.map((r) => r.id),
  )
  return rows.length
}

/** The indexed products in a category: a renamed or deleted category changes their text. */
export async function productsInCategory(payload: Payload, req: PayloadRequest | undefined, categoryId: number | string): Promise<number[]> {
  const rows = await queryRows<{ product_id: number }>(
    payload,
    req,
    sql`SELECT product_id FROM search_product_categories WHERE category_id = ${Number(categoryId)}`,
  )
  return rows.map((r) => Number(r.product_id))
}

// SKUs per statement: well under SQLite's bound-parameter limit, and a CSV import's thousands go in a few statements.
const SKUS_PER_REFRESH = 500

/** After stock changes: whether each of these SKUs' products has any unit left, for the in-stock facet. */
export async function refreshInStock(payload: Payload, skus: readonly string[]): Promise<void> {
  const all = [...new Set(skus)]
  for (let start = 0; start < all.length; start += SKUS_PER_REFRESH) {
    const batch = all.slice(start, start + SKUS_PER_REFRESH)
    await queryRows(
      payload,
      undefined,
      sql`UPDATE search_products SET in_stock = CASE WHEN EXISTS (
            SELECT 1 FROM inventory i WHERE i.product_id = search_products.product_id AND i.available > 0) THEN 1 ELSE 0 END
          WHERE product_id IN (SELECT product_id FROM search_skus WHERE sku IN (${sql.join(
            batch.map((sku) => sql`${sku}`),
            sql`, `,
          )}))`,
    )
  }
}
