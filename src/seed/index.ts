import type { Payload } from 'payload'

import { env, type AppEnv } from '../infra/env'
import { rebuildSearchIndex } from '../infra/search/indexer'
import { dialect } from '../infra/sql'
import { seedBenchProducts } from './bench/seedBenchProducts'
import { categoryTree } from './catalogue/categories'
import { planCatalogue } from './catalogue/plan'
import { emptyTally, type SeedContext, type Tally } from './context'
import { seedCategories } from './seedCategories'
import { seedProducts } from './seedProducts'
import { seedSettings } from './seedSettings'
import { seedStock } from './seedStock'
import { seedUsers, type Credential } from './seedUsers'

export interface SeedOptions {
  /** Extra generated products for benchmarks (`npm run seed -- --products N`). */
  products?: number
  /** Defaults to APP_ENV; the demo accounts are made only in development. */
  appEnv?: AppEnv
  /** Defaults to ADMIN_EMAIL / ADMIN_PASSWORD. */
  adminEmail?: string
  adminPassword?: string
  /** Progress lines; defaults to console.log. */
  log?: (line: string) => void
}

export interface SeedResult {
  /** How many of each thing this run created (all zero when the data was already there). */
  created: Tally
  changed: boolean
  credentials: Credential[]
  notes: string[]
}

/** Demo data for an empty database, resumable and idempotent: what exists (by slug or email) is left alone. */
export async function seed(payload: Payload, options: SeedOptions = {}): Promise<SeedResult> {
  const settings = env()
  const ctx: SeedContext = {
    payload,
    log: options.log ?? ((line) => console.log(line)),
    tally: emptyTally(),
    concurrency: dialect(payload) === 'postgres' ? 4 : 1,
  }
  const plan = planCatalogue()

  ctx.log('Seeding store settings and accounts')
  await seedSettings(ctx)
  const { credentials, notes } = await seedUsers(ctx, {
    development: (options.appEnv ?? settings.APP_ENV) === 'development',
    adminEmail: options.adminEmail ?? settings.ADMIN_EMAIL,
    adminPassword: options.adminPassword ?? settings.ADMIN_PASSWORD,
    cmsUrl: settings.cmsUrl,
  })

  ctx.log('Seeding categories')
  const categories = await seedCategories(ctx)
  ctx.log(`Seeding ${plan.length} demo products`)
  await seedProducts(ctx, plan, categories)
  ctx.log('Seeding stock')
  await seedStock(
    ctx,
    plan.flatMap((p) => p.skus),
  )

  if (Object.values(ctx.tally).some((n) => n > 0)) {
    // Seeding writes skip the search hooks: index the demo catalogue once (generated products index their own).
    ctx.log('Indexing the catalogue for search')
    await rebuildSearchIndex(payload)
  }

  if (options.products && options.products > 0) {
    ctx.log(`Seeding ${options.products} benchmark products`)
    const leaves = categoryTree.flatMap((top) => (top.children ?? []).map((c) => c.slug))
    await seedBenchProducts(ctx, options.products, categories, leaves)
  }

  const changed = Object.values(ctx.tally).some((n) => n > 0)
  return { created: ctx.tally, changed, credentials, notes }
}

export function describeResult(result: SeedResult): string[] {
  const made = Object.entries(result.created).filter(([, n]) => n > 0)
  const lines = [
    result.changed
      ? `Seed done: created ${made.map(([kind, n]) => `${n} ${kind}`).join(', ')}.`
      : 'Seed done: nothing to change, the demo data is already there.',
  ]
  if (result.credentials.length > 0) {
    lines.push('Logins:')
    for (const c of result.credentials) lines.push(`  ${c.role}: ${c.email} / ${c.password}`)
  }
  return [...lines, ...result.notes]
}
