import { randomBytes } from 'node:crypto'

import { stockStatusOf } from '../../commerce/stockStatus'
import { sql } from '../../infra/sql'
import { paragraphsToLexical } from '../richText'
import { INITIAL_STOCK_NOTE } from '../seedStock'
import type { BenchProduct } from './benchProduct'
import type { BenchRefs } from './writeBenchBatch'

type SQL = ReturnType<typeof sql>
export type PostgresTx = { execute(query: SQL): Promise<{ rows: unknown[] }> }

// Array rows keep Payload's own id format (24 hex characters, like an ObjectId).
const arrayRowId = () => randomBytes(12).toString('hex')

// The columns both the document and its version carry (the version's are prefixed `version_`).
const PRODUCT_COLUMNS = ['title', 'slug', 'description', 'price', 'compare_at_price', 'weight', 'featured', 'sku', 'seo_title', 'seo_description']
const versioned = PRODUCT_COLUMNS.map((c) => `version_${c}`).join(', ')
const plain = PRODUCT_COLUMNS.join(', ')
const fromSource = PRODUCT_COLUMNS.map((c) => `p.${c}`).join(', ')

/** One row per product, and one per SKU (with its variant, if the product has variants). */
function sourceRows(products: BenchProduct[], refs: BenchRefs, started: number) {
  const items = products.map((p) => ({
    n: p.index,
    title: p.title,
    slug: p.slug,
    description: paragraphsToLexical([p.description]),
    price: p.price,
    compare_at_price: p.compareAtPrice ?? null,
    weight: p.weight,
    sku: p.sku ?? null,
    seo_title: p.seo.title,
    seo_description: p.seo.description,
    // Distinct creation times (product n a few ms after n - 1), as products made one by one have: a listing in
    // Payload's default order (-createdAt) is then a total order, not one left to the database's plan.
    created_at: new Date(started + p.index).toISOString(),
    image_id: refs.imageIds[p.index % refs.imageIds.length],
    category_id: refs.categoryIds[p.index % refs.categoryIds.length],
  }))
  const skus = products.flatMap((p) =>
    p.skus.map((s, i) => ({
      slug: p.slug,
      title: p.title,
      sku: s.sku,
      stock: s.stock,
      // Raw rows skip the inventory hooks that keep the stored status; the column's default would say 'out'.
      stock_status: stockStatusOf(s.stock, 5),
      variant: p.sku
        ? null
        : {
            id: arrayRowId(),
            order: i + 1,
            title: s.variantTitle ?? null,
            price: s.price ?? null,
            options: s.options.map((o) => ({ ...o, id: arrayRowId() })),
          },
    })),
  )
  return { items, skus }
}

/**
 * PostgreSQL's bulk path for one batch of benchmark products, in the caller's transaction: the same rows as the
 * drizzle path (writeBenchBatch.ts), but each table filled by one INSERT … SELECT from the batch sent once as JSON,
 * so 10,000 products cost a dozen statements instead of hundreds. Answers the new products' ids.
 */
export async function writeBenchBatchPostgres(tx: PostgresTx, products: BenchProduct[], refs: BenchRefs): Promise<number[]> {
  const { items, skus } = sourceRows(products, refs, Date.now())
  const run = (query: SQL) => tx.execute(query)
  await run(sql`CREATE TEMP TABLE bench_items ON COMMIT DROP AS
    SELECT * FROM json_to_recordset(${JSON.stringify(items)}::json) AS r(n int, title varchar, slug varchar, description jsonb,
      price numeric, compare_at_price numeric, weight numeric, sku varchar, seo_title varchar, seo_description varchar,
      created_at timestamptz, image_id int, category_id int)`)
  await run(sql`CREATE TEMP TABLE bench_skus ON COMMIT DROP AS
    SELECT * FROM json_to_recordset(${JSON.stringify(skus)}::json) AS r(slug varchar, title varchar, sku varchar, stock int,
      stock_status varchar, variant jsonb)`)
  const inserted = await run(
    sql.raw(`INSERT INTO products (${plain}, _status, created_at, updated_at)
      SELECT title, slug, description, price, compare_at_price, weight, false, sku, seo_title, seo_description, 'published', created_at, created_at
      FROM bench_items ORDER BY n RETURNING id`),
  )
  // Each product's id and latest version id, beside its source row.
  await run(
    sql.raw(`CREATE TEMP TABLE bench_ids ON COMMIT DROP AS
      SELECT i.*, p.id AS product_id, NULL::int AS version_id FROM bench_items i JOIN products p ON p.slug = i.slug`),
  )
  await run(
    sql.raw(`WITH v AS (
        INSERT INTO _products_v (parent_id, ${versioned}, version__status, version_created_at, version_updated_at, latest, created_at, updated_at)
        SELECT p.id, ${fromSource}, p._status::text::enum__products_v_version_status, p.created_at, p.updated_at, true, p.created_at, p.updated_at
        FROM products p JOIN bench_ids b ON b.product_id = p.id RETURNING id, parent_id)
      UPDATE bench_ids b SET version_id = v.id FROM v WHERE v.parent_id = b.product_id`),
  )
  await run(
    sql.raw(`INSERT INTO products_rels ("order", parent_id, path, media_id, categories_id)
      SELECT 1, product_id, 'images', image_id, NULL FROM bench_ids UNION ALL SELECT 1, product_id, 'categories', NULL, category_id FROM bench_ids`),
  )
  await run(
    sql.raw(`INSERT INTO _products_v_rels ("order", parent_id, path, media_id, categories_id)
      SELECT 1, version_id, 'images', image_id, NULL FROM bench_ids UNION ALL SELECT 1, version_id, 'categories', NULL, category_id FROM bench_ids`),
  )
  await writeVariants(run)
  await run(
    sql.raw(`INSERT INTO inventory (sku, available, low_stock_threshold, stock_status, product_id, title, variant_title, created_at, updated_at)
      SELECT s.sku, s.stock, 5, s.stock_status::enum_inventory_stock_status, b.product_id, s.title, s.variant->>'title', now(), now()
      FROM bench_skus s JOIN bench_ids b ON b.slug = s.slug`),
  )
  await run(
    sql`INSERT INTO stock_movements (sku, change, reason, note, created_at, updated_at)
      SELECT sku, stock, 'restock', ${INITIAL_STOCK_NOTE}, now(), now() FROM bench_skus`,
  )
  return inserted.rows.map((r) => Number((r as { id: number | string }).id))
}

/** Variants and their options, on the document (ids from the source) and on its version (serial ids, `_uuid` = the document's). */
async function writeVariants(run: (query: SQL) => Promise<unknown>): Promise<void> {
  await run(
    sql.raw(`CREATE TEMP TABLE bench_variants ON COMMIT DROP AS
      SELECT s.variant->>'id' AS id, (s.variant->>'order')::int AS ord, s.sku, s.variant->>'title' AS title, (s.variant->>'price')::numeric AS price,
        s.variant->'options' AS options, b.product_id, b.version_id
      FROM bench_skus s JOIN bench_ids b ON b.slug = s.slug WHERE s.variant IS NOT NULL`),
  )
  await run(
    sql.raw(`INSERT INTO products_variants (_order, _parent_id, id, sku, title, price) SELECT ord, product_id, id, sku, title, price FROM bench_variants`),
  )
  await run(
    sql.raw(`INSERT INTO products_variants_options (_order, _parent_id, id, name, value)
      SELECT o.ord, v.id, o.opt->>'id', o.opt->>'name', o.opt->>'value' FROM bench_variants v, jsonb_array_elements(v.options) WITH ORDINALITY AS o(opt, ord)`),
  )
  await run(
    sql.raw(`INSERT INTO _products_v_version_variants (_order, _parent_id, _uuid, sku, title, price)
      SELECT ord, version_id, id, sku, title, price FROM bench_variants`),
  )
  await run(
    sql.raw(`INSERT INTO _products_v_version_variants_options (_order, _parent_id, _uuid, name, value)
      SELECT o.ord, vv.id, o.opt->>'id', o.opt->>'name', o.opt->>'value'
      FROM bench_variants v JOIN _products_v_version_variants vv ON vv._uuid = v.id AND vv._parent_id = v.version_id,
        jsonb_array_elements(v.options) WITH ORDINALITY AS o(opt, ord)`),
  )
}
