import { dialect, queryRows, sql } from '../../infra/sql'
import type { SeedContext } from '../context'
import { forEachLimit } from '../forEachLimit'
import { ensureImage } from '../media'
import { BENCH_SLUG_PREFIX, benchProduct, benchSlugIndex } from './benchProduct'
import { drizzleAdapter } from './drizzle'
import { writeBenchBatch } from './writeBenchBatch'

const BATCH = 500
const IMAGE_POOL = 20

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
  const started = Date.now()
  for (let start = 0; start < missing.length; start += BATCH) {
    const batch = missing.slice(start, start + BATCH).map(benchProduct)
    await writeBenchBatch(adapter, batch, refs)
    ctx.tally.benchProducts += batch.length
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    ctx.log(`  benchmark products ${start + batch.length}/${missing.length} (${seconds} s)`)
  }
  // Fresh statistics: before autovacuum gets to them, the planner takes the bulk-loaded tables for nearly empty and
  // ignores their indexes (a title-sorted page sorted all 10,000 products).
  if (dialect(ctx.payload) === 'postgres') await queryRows(ctx.payload, undefined, sql`ANALYZE`)
}
