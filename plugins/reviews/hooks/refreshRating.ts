import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { dialect, invalidateAfterCommit, productsWrittenBySql, queryRows, sql } from '../../kit'

type Id = number | string
const idOf = (value: unknown): Id | undefined => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id | undefined))

/**
 * Recomputes a product's rating from its approved reviews in the database, on the request's transaction. On
 * PostgreSQL the product row is locked first, so the recount (a later statement, a fresh snapshot) sees every
 * review committed by a racing request; SQLite runs one writer at a time.
 */
export async function refreshRating(req: PayloadRequest, productId: Id): Promise<void> {
  const id = Number(productId)
  const { payload } = req
  if (dialect(payload) === 'postgres') await queryRows(payload, req, sql`SELECT id FROM products WHERE id = ${id} FOR UPDATE`)
  await queryRows(
    payload,
    req,
    sql`UPDATE products SET
      rating_average = (SELECT ROUND(AVG(rating) * 100) / 100 FROM reviews WHERE product_id = ${id} AND status = 'approved'),
      rating_count = (SELECT COUNT(*) FROM reviews WHERE product_id = ${id} AND status = 'approved')
      WHERE id = ${id}`,
  )
  // The admin edits the latest version, so versions carry the same figures (a product save keeps them, ratingFields.ts).
  await queryRows(
    payload,
    req,
    sql`UPDATE _products_v SET version_rating_average = (SELECT rating_average FROM products WHERE id = ${id}),
      version_rating_count = (SELECT rating_count FROM products WHERE id = ${id}) WHERE parent_id = ${id}`,
  )
  await productsWrittenBySql(req, [id])
  await invalidateAfterCommit(req, ['products'])
}

export const refreshRatingAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const products = new Set([idOf(doc.product), idOf(previousDoc?.product)].filter((p): p is Id => p !== undefined && p !== null).map(String))
  for (const product of products) await refreshRating(req, product)
  return doc
}

export const refreshRatingAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const product = idOf(doc.product)
  if (product !== undefined && product !== null) await refreshRating(req, product)
}
