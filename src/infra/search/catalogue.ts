import { randomInt } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'

import { queryRows, sql } from '../sql'
import { publishedTotal } from './publishedCount'

// The search index's product rows double as the catalogue read model (docs/performance.md): `doc` holds the
// product as Payload answers an anonymous list read at depth 1, rendered lazily by the server and emptied, inside
// the writing transaction, by every write that changes what that answer would be (the search hooks reinsert a
// product's row; category, media and rating changes empty the rows that embed them). `doc_stamp` changes with
// each of those writes, so a rendering that raced with one is refused rather than stored.

type SQL = ReturnType<typeof sql>
const join = (parts: SQL[]) => sql.join(parts, sql`, `)
const idList = (ids: readonly number[]) => join(ids.map((id) => sql`${id}`))

/** The sortable columns of `products` a read-model answer may order by (Payload's field name → column). */
export const CATALOGUE_SORT_COLUMNS = { createdAt: 'created_at', updatedAt: 'updated_at', title: 'title', slug: 'slug', price: 'price', id: 'id' } as const
export type CatalogueSortField = keyof typeof CATALOGUE_SORT_COLUMNS
export type CatalogueOrder = { column: string; descending: boolean }[]

/** Payload's ORDER BY for `sort` (drizzle's buildOrderBy): the field, then -createdAt unless createdAt is the field. */
export function catalogueOrder(field: CatalogueSortField, descending: boolean): CatalogueOrder {
  const order = [{ column: CATALOGUE_SORT_COLUMNS[field], descending }]
  if (field !== 'createdAt') order.push({ column: 'created_at', descending: true })
  return order
}

export type CatalogueRow = { id: number; doc: string | null; stamp: number; keys: string[]; total: number }
type RawRow = { id: number | string; doc: string | null; doc_stamp: number | string | null; total?: number | string } & Record<string, unknown>

const keyText = (value: unknown): string => (value === null || value === undefined ? '\u0000null' : value instanceof Date ? value.toISOString() : String(value))

function toRows(raw: RawRow[], order: CatalogueOrder): CatalogueRow[] {
  return raw.map((r) => ({
    id: Number(r.id),
    doc: r.doc ?? null,
    stamp: Number(r.doc_stamp ?? 0),
    keys: order.map((_, i) => keyText(r[`k${i}`])),
    total: Number(r.total ?? 0),
  }))
}

/**
 * A window of published products in Payload's order, with their rendered answers (null where not rendered) and, on
 * every row, how many products an anonymous reader sees (one statement, one round trip; the count is kept in a row on
 * PostgreSQL, src/infra/search/publishedCount.ts).
 */
export async function readCatalogueWindow(payload: Payload, order: CatalogueOrder, offset: number, count: number): Promise<CatalogueRow[]> {
  const keys = join(order.map((o, i) => sql.raw(`p.${o.column} AS k${i}`)))
  const orderBy = join(order.map((o) => sql.raw(`p.${o.column} ${o.descending ? 'DESC' : 'ASC'}`)))
  const raw = await queryRows<RawRow>(
    payload,
    undefined,
    sql`SELECT p.id, s.doc, s.doc_stamp, ${keys}, ${publishedTotal(payload)} AS total
        FROM products p LEFT JOIN search_products s ON s.product_id = p.id
        WHERE p._status = 'published' ORDER BY ${orderBy} LIMIT ${count} OFFSET ${offset}`,
  )
  return toRows(raw, order)
}

/** The published product with this slug (slugs are unique), if any. */
export async function readCatalogueBySlug(payload: Payload, slug: string): Promise<CatalogueRow[]> {
  const raw = await queryRows<RawRow>(
    payload,
    undefined,
    sql`SELECT p.id, s.doc, s.doc_stamp FROM products p LEFT JOIN search_products s ON s.product_id = p.id
        WHERE p._status = 'published' AND p.slug = ${slug}`,
  )
  return toRows(raw, [])
}

/** A fresh stamp for a row whose rendered answer is (re)written or emptied. */
export const newDocStamp = () => randomInt(1, 2 ** 31 - 1)

/** Empties the rendered answers of these products (their data, or something they embed, changed). */
export async function forgetRenderedProducts(payload: Payload, req: PayloadRequest | undefined, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return
  await queryRows(payload, req, sql`UPDATE search_products SET doc = NULL, doc_stamp = ${newDocStamp()} WHERE product_id IN (${idList(ids)})`)
}

/** Products not rendered yet, with the stamp a rendering of them must still find. */
export async function unrenderedProducts(payload: Payload, limit: number, ids?: readonly number[]): Promise<{ id: number; stamp: number }[]> {
  const only = ids && ids.length > 0 ? sql` AND product_id IN (${idList(ids)})` : sql``
  const rows = await queryRows<{ product_id: number | string; doc_stamp: number | string | null }>(
    payload,
    undefined,
    sql`SELECT product_id, doc_stamp FROM search_products WHERE doc IS NULL${only} ORDER BY product_id LIMIT ${limit}`,
  )
  return rows.map((r) => ({ id: Number(r.product_id), stamp: Number(r.doc_stamp ?? 0) }))
}

/** Stores renderings; one whose row was emptied or rewritten since its stamp was read is dropped. Answers how many were kept. */
export async function storeRenderedProducts(payload: Payload, entries: readonly { id: number; stamp: number; doc: string }[]): Promise<number> {
  let kept = 0
  for (const e of entries) {
    const rows = await queryRows(
      payload,
      undefined,
      sql`UPDATE search_products SET doc = ${e.doc} WHERE product_id = ${e.id} AND doc IS NULL AND doc_stamp = ${e.stamp} RETURNING product_id`,
    )
    kept += rows.length
  }
  return kept
}

/** Products showing this picture (their own images or a variant's), whose rendered answers embed it. */
export async function productsUsingMedia(payload: Payload, req: PayloadRequest | undefined, mediaId: number | string): Promise<number[]> {
  const id = Number(mediaId)
  const rows = await queryRows<{ id: number | string }>(
    payload,
    req,
    sql`SELECT parent_id AS id FROM products_rels WHERE media_id = ${id}
        UNION SELECT _parent_id AS id FROM products_variants WHERE image_id = ${id}`,
  )
  return rows.map((r) => Number(r.id))
}
