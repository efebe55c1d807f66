import type { Payload, PayloadRequest } from 'payload'

import { dialect, queryRows, sql } from '../sql'
import { createPublishedCount, dropPublishedCount } from './publishedCount'

// The search index lives beside Payload's tables, in tables Payload does not know: schema push never creates them,
// so the migrations (migrations/*/…_search.ts) and the test boot (plugins/search) both call createSearchSchema.
// Every statement is idempotent. Rows hold only published products.

const SHARED = [
  // One row per indexed (published) product: the facet values.
  `CREATE TABLE IF NOT EXISTS search_product_categories (product_id integer NOT NULL, category_id integer NOT NULL, PRIMARY KEY (product_id, category_id))`,
  `CREATE INDEX IF NOT EXISTS search_product_categories_category_idx ON search_product_categories (category_id)`,
  // Exact SKU look-up: a query that is a SKU finds that product alone.
  `CREATE TABLE IF NOT EXISTS search_skus (sku text PRIMARY KEY, product_id integer NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS search_skus_product_idx ON search_skus (product_id)`,
]

const POSTGRES = [
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `CREATE TABLE IF NOT EXISTS search_products (
     product_id integer PRIMARY KEY,
     document tsvector NOT NULL,
     price integer NOT NULL,
     price_band text NOT NULL,
     in_stock integer NOT NULL DEFAULT 0
   )`,
  `CREATE INDEX IF NOT EXISTS search_products_document_idx ON search_products USING gin (document)`,
  // The catalogue's words; pg_trgm's index finds the ones most like a misspelt query word. "C" collation lets the
  // primary key's btree serve prefix ranges.
  `CREATE TABLE IF NOT EXISTS search_words (word text COLLATE "C" PRIMARY KEY, is_option integer NOT NULL DEFAULT 0)`,
  `CREATE INDEX IF NOT EXISTS search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops)`,
  ...SHARED,
]

const SQLITE = [
  `CREATE TABLE IF NOT EXISTS search_products (
     product_id integer PRIMARY KEY,
     price integer NOT NULL,
     price_band text NOT NULL,
     in_stock integer NOT NULL DEFAULT 0
   )`,
  // Three columns weighted by bm25 at query time like PostgreSQL's A, B, C; porter is English stemming.
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, codes, body, tokenize = 'porter unicode61 remove_diacritics 2')`,
  `CREATE TABLE IF NOT EXISTS search_words (word text PRIMARY KEY, is_option integer NOT NULL DEFAULT 0)`,
  // FTS5 does not match "jumpr" to "jumper": the words' trigrams, ranked by how many a misspelt word shares, do.
  `CREATE TABLE IF NOT EXISTS search_word_trigrams (trigram text NOT NULL, word text NOT NULL, PRIMARY KEY (trigram, word)) WITHOUT ROWID`,
  ...SHARED,
]

/**
 * The catalogue read model's columns on search_products (src/infra/search/catalogue.ts): a published product's
 * rendered answer and the stamp that a rendering must still find. Added apart from the CREATE, so a database made
 * before them gets them too.
 */
async function addCatalogueColumns(payload: Payload, req?: PayloadRequest): Promise<void> {
  if (dialect(payload) === 'postgres') {
    await queryRows(payload, req, sql.raw(`ALTER TABLE search_products ADD COLUMN IF NOT EXISTS doc text`))
    await queryRows(payload, req, sql.raw(`ALTER TABLE search_products ADD COLUMN IF NOT EXISTS doc_stamp integer NOT NULL DEFAULT 0`))
    await addCategoryIds(payload, req)
    await addChangeTracking(payload, req)
    return
  }
  const columns = new Set((await queryRows<{ name: string }>(payload, req, sql.raw(`PRAGMA table_info(search_products)`))).map((c) => c.name))
  if (!columns.has('doc')) await queryRows(payload, req, sql.raw(`ALTER TABLE search_products ADD COLUMN doc text`))
  if (!columns.has('doc_stamp')) await queryRows(payload, req, sql.raw(`ALTER TABLE search_products ADD COLUMN doc_stamp integer NOT NULL DEFAULT 0`))
}

/**
 * PostgreSQL: a product's categories also on its search row, so the category facet and filter read the matches the
 * search has fetched anyway instead of joining search_product_categories (a hash of the whole table, 20–50 ms per
 * search at 100,000 products). Filled from that table for rows written before the column (idempotent). And no
 * parallel workers on the table: starting them cost more than a search's whole scan (docs/performance.md).
 */
export async function addCategoryIds(payload: Payload, req?: PayloadRequest): Promise<void> {
  await queryRows(payload, req, sql.raw(`ALTER TABLE search_products ADD COLUMN IF NOT EXISTS category_ids integer[] NOT NULL DEFAULT '{}'`))
  await queryRows(
    payload,
    req,
    sql.raw(`UPDATE search_products s SET category_ids = c.ids
      FROM (SELECT product_id, array_agg(category_id ORDER BY category_id) AS ids FROM search_product_categories GROUP BY product_id) c
      WHERE c.product_id = s.product_id AND s.category_ids <> c.ids`),
  )
  await queryRows(payload, req, sql.raw(`ALTER TABLE search_products SET (parallel_workers = 0)`))
}

// What the in-memory index (src/infra/search/memoryIndex.ts) follows. A search row names the transaction that last
// changed what a search reads (`written_by`: set on insert, and by the trigger when the words or a facet change, not
// when the read model renders `doc`); a deleted row is listed in search_removals with the deleting transaction. So
// an index that has read the table as of a snapshot asks only for what the transactions that snapshot had not seen
// finish wrote. A removal is kept for a day; an index idle for 12 hours reads the whole table again.
const CHANGE_TRACKING = [
  `ALTER TABLE search_products ADD COLUMN IF NOT EXISTS written_by xid8 NOT NULL DEFAULT pg_current_xact_id()`,
  `CREATE INDEX IF NOT EXISTS search_products_written_by_idx ON search_products (written_by)`,
  `CREATE TABLE IF NOT EXISTS search_removals (
     product_id integer NOT NULL,
     written_by xid8 NOT NULL DEFAULT pg_current_xact_id(),
     removed_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX IF NOT EXISTS search_removals_written_by_idx ON search_removals (written_by)`,
  // Each product save prunes removals older than a day (writer.ts); a rebuild lists the whole catalogue.
  `CREATE INDEX IF NOT EXISTS search_removals_removed_at_idx ON search_removals (removed_at)`,
  `CREATE OR REPLACE FUNCTION search_products_written() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.written_by := pg_current_xact_id();
     RETURN NEW;
   END $$`,
  `CREATE OR REPLACE TRIGGER search_products_written BEFORE UPDATE ON search_products FOR EACH ROW
     WHEN (OLD.document IS DISTINCT FROM NEW.document OR OLD.price_band IS DISTINCT FROM NEW.price_band
       OR OLD.in_stock IS DISTINCT FROM NEW.in_stock OR OLD.category_ids IS DISTINCT FROM NEW.category_ids)
     EXECUTE FUNCTION search_products_written()`,
  `CREATE OR REPLACE FUNCTION search_products_removed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO search_removals (product_id) SELECT product_id FROM search_removed_rows;
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE TRIGGER search_products_removed AFTER DELETE ON search_products
     REFERENCING OLD TABLE AS search_removed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_products_removed()`,
  // Statistics for the new column: without them the planner guesses a third of the table matches `written_by >= …`
  // and reads all of it (250 ms at 100,000 products) instead of the index.
  `ANALYZE search_products`,
]

/** PostgreSQL: the change tracking the in-memory index reads (idempotent; needs category_ids). */
export async function addChangeTracking(payload: Payload, req?: PayloadRequest): Promise<void> {
  for (const statement of CHANGE_TRACKING) await queryRows(payload, req, sql.raw(statement))
}

/** Undoes addChangeTracking (a migration's down). */
export async function dropChangeTracking(payload: Payload, req?: PayloadRequest): Promise<void> {
  for (const statement of [
    `DROP TRIGGER IF EXISTS search_products_written ON search_products`,
    `DROP TRIGGER IF EXISTS search_products_removed ON search_products`,
    `DROP FUNCTION IF EXISTS search_products_written()`,
    `DROP FUNCTION IF EXISTS search_products_removed()`,
    `DROP TABLE IF EXISTS search_removals`,
    `ALTER TABLE search_products DROP COLUMN IF EXISTS written_by`,
  ])
    await queryRows(payload, req, sql.raw(statement))
}

export const SEARCH_TABLES = [
  'search_removals',
  'search_products',
  'search_product_categories',
  'search_skus',
  'search_words',
  'search_word_trigrams',
  'search_fts',
]

/** Creates the search tables and indexes when missing; on the request's transaction when given one (a migration's). */
export async function createSearchSchema(payload: Payload, req?: PayloadRequest): Promise<void> {
  for (const statement of dialect(payload) === 'postgres' ? POSTGRES : SQLITE) await queryRows(payload, req, sql.raw(statement))
  await addCatalogueColumns(payload, req)
  await createPublishedCount(payload, req)
}

/** Drops what createSearchSchema made (a migration's down); the pg_trgm extension stays, others may use it. */
export async function dropSearchSchema(payload: Payload, req?: PayloadRequest): Promise<void> {
  await dropPublishedCount(payload, req)
  for (const table of SEARCH_TABLES) await queryRows(payload, req, sql.raw(`DROP TABLE IF EXISTS ${table}`))
  if (dialect(payload) === 'postgres') {
    await queryRows(payload, req, sql.raw(`DROP FUNCTION IF EXISTS search_products_written(), search_products_removed()`))
  }
}
