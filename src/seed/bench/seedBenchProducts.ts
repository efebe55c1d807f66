import { reindexProducts } from '../../infra/search/indexer'
import { dialect, queryRows, sql } from '../../infra/sql'
import type { SeedContext } from '../context'
import { forEachLimit } from '../forEachLimit'
import { ensureImage } from '../media'
import { BENCH_SLUG_PREFIX, benchProduct, benchSlugIndex } from './benchProduct'
import { drizzleAdapter } from './drizzle'
import { writeBenchBatch } from './writeBenchBatch'
import { writeBenchBatchPostgres, type PostgresTx } from './writeBenchBatchPostgres'

// Rows per statement: drizzle's inserts are bound by the parameter limit; PostgreSQL's path sends a batch as one JSON.
const BATCH = { postgres: 5000, sqlite: 500 }
const IMAGE_POOL = 20
// The tables a batch writes (writeBenchBatchPostgres.ts and the search index).
const ANALYZED = [
  'products',
  '_products_v',
  'products_rels',
  '_products_v_rels',
  'products_variants',
  'products_variants_options',
  '_products_v_version_variants',
  '_products_v_version_variants_options',
  'inventory',
  'stock_movements',
  'search_products',
  'search_product_categories',
  'search_skus',
  'search_words',
]
const VACUUMED = ['products', 'search_products']
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1)

async function existingIndexes(ctx: SeedContext): Promise<Set<number>> {
  const rows = await queryRows<{ slug: string }>(ctx.payload, undefined, sql`SELECT slug FROM products WHERE slug LIKE ${`${BENCH_SLUG_PREFIX}%`}`)
  return new Set(rows.map((r) => benchSlugIndex(r.slug)).filter((i): i is number => i !== undefined))
}

async function imagePool(ctx: SeedContext): Promise<number[]> {
  const ids: number[] = []
  const numbers = Array.from({ length: IMAGE_POOL }, (_, i) => String(i + 1).padStart(2, '0'))
  await forEachLimit(numbers, ctx.concurrency, async (number, i) => {
    const image = { filename: `bench-pool-${number}.png`, alt: `Sample product picture ${number}`, title: `Sample ${number}` }
    ids[i] = await ensureImage(ctx, { ...image, hue: (i * 37) % 360 })
  })
  return ids
}

/**
 * Products 1…count for benchmarks, written in batched inserts (Payload's create manages about 130 a second;
 * 10,000 would take minutes). Numbers already present are skipped, so a rerun only fills the gaps.
 */
export async function seedBenchProducts(ctx: SeedContext, count: number, categories: Map<string, number>, leafSlugs: string[]): Promise<void> {
  const have = await existingIndexes(ctx)
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !have.has(i))
  if (missing.length === 0) return ctx.log(`  benchmark products: all ${count} already there`)
  const refs = { imageIds: await imagePool(ctx), categoryIds: leafSlugs.map((slug) => categories.get(slug)!) }
  const adapter = drizzleAdapter(ctx.payload)
  const postgres = dialect(ctx.payload) === 'postgres'
  const size = postgres ? BATCH.postgres : BATCH.sqlite
  const started = Date.now()
  let indexing = 0
  let indexed = Promise.resolve()
  const batches = Array.from({ length: Math.ceil(missing.length / size) }, (_, i) => missing.slice(i * size, (i + 1) * size))
  // Two batches written at once on PostgreSQL (one connection each); the index is written one batch at a time, as
  // its vocabulary upserts would otherwise lock the same words in different orders.
  await forEachLimit(batches, postgres ? 2 : 1, async (numbers) => {
    const batch = numbers.map(benchProduct)
    const ids = postgres
      ? await adapter.drizzle.transaction((tx) => writeBenchBatchPostgres(tx as unknown as PostgresTx, batch, refs))
      : await writeBenchBatch(adapter, batch, refs)
    // Their search index entries (and read model rows), as the search hooks would have written them.
    const index = indexed.then(async () => {
      const at = Date.now()
      await reindexProducts(ctx.payload, undefined, ids)
      indexing += Date.now() - at
    })
    indexed = index.catch(() => {})
    await index
    ctx.tally.benchProducts += batch.length
    ctx.log(`  benchmark products ${ctx.tally.benchProducts}/${missing.length} (${seconds(started)} s)`)
  })
  // Fresh statistics: before autovacuum gets to them, the planner takes the bulk-loaded tables for nearly empty and
  // ignores their indexes (a title-sorted page sorted all 10,000 products).
  const analyzed = Date.now()
  // Table by table: one ANALYZE of the whole database can outlast the pool's statement timeout on a busy machine.
  // The two tables every listing counts are also vacuumed, as autovacuum would soon do: until their visibility map is
  // set, counting 100,000 published products reads the whole table instead of its _status index (321 → 108 ms).
  if (postgres) {
    for (const table of ANALYZED) await queryRows(ctx.payload, undefined, sql.raw(`${VACUUMED.includes(table) ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${table}`))
  }
  ctx.log(
    `  benchmark products: ${missing.length} in ${seconds(started)} s (search index ${(indexing / 1000).toFixed(1)} s, VACUUM/ANALYZE ${seconds(analyzed)} s)`,
  )
}
