import type { Payload, PayloadRequest } from 'payload'

import { trigrams } from '../../commerce/search/corrections'
import type { SearchDocument } from '../../commerce/search/searchDocument'
import { dialect, queryRows, sql } from '../sql'
import { newDocStamp } from './catalogue'

type SQL = ReturnType<typeof sql>
const ROWS_PER_INSERT = 200

const join = (parts: SQL[]) => sql.join(parts, sql`, `)

async function insertChunks<T>(payload: Payload, req: PayloadRequest | undefined, rows: readonly T[], build: (values: SQL) => SQL, row: (r: T) => SQL) {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await queryRows(payload, req, build(join(rows.slice(start, start + ROWS_PER_INSERT).map(row))))
  }
}

/** Removes these products from the index (unpublished, deleted, or about to be rewritten). */
export async function removeFromIndex(payload: Payload, req: PayloadRequest | undefined, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return
  const list = join(ids.map((id) => sql`${id}`))
  const postgres = dialect(payload) === 'postgres'
  await queryRows(payload, req, sql`DELETE FROM search_products WHERE product_id IN (${list})`)
  // The trigger lists each removal for the in-memory indexes (schema.ts); they need a day's at most (memoryIndex.ts).
  if (postgres) await queryRows(payload, req, sql`DELETE FROM search_removals WHERE removed_at < now() - interval '1 day'`)
  if (!postgres) await queryRows(payload, req, sql`DELETE FROM search_fts WHERE rowid IN (${list})`)
  await queryRows(payload, req, sql`DELETE FROM search_product_categories WHERE product_id IN (${list})`)
  await queryRows(payload, req, sql`DELETE FROM search_skus WHERE product_id IN (${list})`)
}

/** Writes these entries (not rendered for the read model, under a fresh stamp); callers remove the old ones first. */
export async function insertIntoIndex(payload: Payload, req: PayloadRequest | undefined, docs: readonly SearchDocument[]): Promise<void> {
  if (docs.length === 0) return
  if (dialect(payload) === 'postgres') {
    // The batch travels as one JSON value: one statement however many products (a catalogue rebuild, a bulk seed).
    const rows = docs.map((d) => ({
      id: d.productId,
      title: d.title,
      codes: d.codes,
      body: d.body,
      price: d.price,
      band: d.priceBand,
      stock: d.inStock ? 1 : 0,
      stamp: newDocStamp(),
      // Sorted as the schema's backfill writes them (src/infra/search/schema.ts); buildSearchDocument made them unique.
      categories: [...d.categoryIds].sort((a, b) => a - b),
    }))
    await queryRows(
      payload,
      req,
      sql`INSERT INTO search_products (product_id, document, price, price_band, in_stock, doc_stamp, category_ids)
          SELECT id, setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', codes), 'B') || setweight(to_tsvector('english', body), 'C'),
            price, band, stock, stamp, categories
          FROM json_to_recordset(${JSON.stringify(rows)}::json)
            AS r(id integer, title text, codes text, body text, price integer, band text, stock integer, stamp integer, categories integer[])`,
    )
  } else {
    await insertChunks(
      payload,
      req,
      docs,
      (values) => sql`INSERT INTO search_products (product_id, price, price_band, in_stock, doc_stamp) VALUES ${values}`,
      (d) => sql`(${d.productId}, ${d.price}, ${d.priceBand}, ${d.inStock ? 1 : 0}, ${newDocStamp()})`,
    )
    await insertChunks(
      payload,
      req,
      docs,
      (values) => sql`INSERT INTO search_fts (rowid, title, codes, body) VALUES ${values}`,
      (d) => sql`(${d.productId}, ${d.title}, ${d.codes}, ${d.body})`,
    )
  }
  const categories = docs.flatMap((d) => d.categoryIds.map((categoryId) => ({ productId: d.productId, categoryId })))
  await insertChunks(
    payload,
    req,
    categories,
    (values) => sql`INSERT INTO search_product_categories (product_id, category_id) VALUES ${values}`,
    (r) => sql`(${r.productId}, ${r.categoryId})`,
  )
  // SKUs are unique across the catalogue; a SKU that moved to another product follows it.
  const skus = [...new Map(docs.flatMap((d) => d.skus.map((sku) => [sku, d.productId] as const))).entries()]
  await insertChunks(
    payload,
    req,
    skus,
    (values) => sql`INSERT INTO search_skus (sku, product_id) VALUES ${values} ON CONFLICT (sku) DO UPDATE SET product_id = excluded.product_id`,
    ([sku, productId]) => sql`(${sku}, ${productId})`,
  )
  await addWords(payload, req, docs)
}

/**
 * Adds the entries' words to the vocabulary. Words are never removed here (a rebuild starts afresh): a stale word
 * can only suggest a correction that then matches nothing.
 */
async function addWords(payload: Payload, req: PayloadRequest | undefined, docs: readonly SearchDocument[]): Promise<void> {
  const flags = new Map<string, number>()
  for (const d of docs) {
    for (const word of d.words) if (!flags.has(word)) flags.set(word, 0)
    for (const word of d.optionWords) flags.set(word, 1)
  }
  const entries = [...flags.entries()]
  if (entries.length === 0) return
  const postgres = dialect(payload) === 'postgres'
  let fresh = entries.map(([word]) => word)
  if (!postgres) {
    const known = new Set<string>()
    for (let start = 0; start < fresh.length; start += 500) {
      const rows = await queryRows<{ word: string }>(
        payload,
        req,
        sql`SELECT word FROM search_words WHERE word IN (${join(fresh.slice(start, start + 500).map((w) => sql`${w}`))})`,
      )
      rows.forEach((r) => known.add(r.word))
    }
    fresh = fresh.filter((w) => !known.has(w))
  }
  const upsert = postgres ? sql`GREATEST(search_words.is_option, excluded.is_option)` : sql`max(search_words.is_option, excluded.is_option)`
  await insertChunks(
    payload,
    req,
    entries,
    (values) => sql`INSERT INTO search_words (word, is_option) VALUES ${values} ON CONFLICT (word) DO UPDATE SET is_option = ${upsert}`,
    ([word, option]) => sql`(${word}, ${option})`,
  )
  if (postgres) return
  const grams = fresh.flatMap((word) => trigrams(word).map((trigram) => [trigram, word] as const))
  await insertChunks(
    payload,
    req,
    grams,
    (values) => sql`INSERT INTO search_word_trigrams (trigram, word) VALUES ${values} ON CONFLICT DO NOTHING`,
    ([trigram, word]) => sql`(${trigram}, ${word})`,
  )
}
