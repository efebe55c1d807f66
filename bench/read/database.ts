import { spawnSync } from 'node:child_process'
import pg from 'pg'

import { root } from './processes'

/**
 * A PostgreSQL database named for the catalogue size, migrated and seeded with the demo catalogue plus `products`
 * generated ones (bulk SQL inserts, src/seed/bench). Kept between runs: the seed skips what is already there, so a
 * rerun starts in seconds; `fresh` drops it first (and so times a full seed).
 */
export async function benchDatabase(
  serverUrl: string,
  products: number,
  fresh: boolean,
  { mediaDir, prefix = 'ir_bench_read' }: { mediaDir?: string; prefix?: string } = {},
): Promise<{ url: string; seedSeconds: number | null; generatedSeconds: number | null }> {
  const name = `${prefix}_${products}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1
  if (!exists) await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    LOG_LEVEL: 'warn',
    PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true',
    ...(mediaDir ? { MEDIA_DIR: mediaDir } : {}),
  }
  const run = (args: string[]) => {
    const done = spawnSync('npm', args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20 })
    process.stdout.write(done.stdout ?? '')
    if (done.status !== 0) throw new Error(`npm ${args.join(' ')} failed`)
    return done.stdout ?? ''
  }
  run(['run', '--silent', 'migrate'])
  const started = Date.now()
  const output = run(['run', '--silent', 'seed', '--', '--products', String(products)])
  // The seeder's own figure for the generated products alone (src/seed/bench/seedBenchProducts.ts).
  const generated = /benchmark products: \d+ in ([\d.]+) s/.exec(output)
  return {
    url: url.toString(),
    seedSeconds: exists ? null : (Date.now() - started) / 1000,
    generatedSeconds: generated ? Number(generated[1]) : null,
  }
}

/** Waits (up to `maxMs`, 10 minutes by default) until the server has rendered every product into the read model; answers how many are left. */
export async function renderedCatalogue(url: string, maxMs = 600_000): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const started = Date.now()
  try {
    for (;;) {
      const left = Number((await client.query('SELECT count(*) AS n FROM search_products WHERE doc IS NULL')).rows[0].n)
      if (left === 0 || Date.now() - started > maxMs) {
        console.log(`read model: ${left} products left unrendered after ${((Date.now() - started) / 1000).toFixed(1)} s`)
        return left
      }
      await new Promise((r) => setTimeout(r, 1000))
    }
  } finally {
    await client.end()
  }
}

/**
 * Waits (up to `maxMs`) until the products a benchmark reads are rendered into the read model: these slugs and the
 * newest page (Payload's default order). Answers how many of them are left unrendered.
 */
export async function renderedProducts(url: string, slugs: string[], maxMs = 300_000): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const started = Date.now()
  try {
    for (;;) {
      const { rows } = await client.query(
        `SELECT count(*) AS n FROM search_products s JOIN products p ON p.id = s.product_id
         WHERE s.doc IS NULL AND (p.slug = ANY($1) OR p.id IN (SELECT id FROM products WHERE _status = 'published' ORDER BY created_at DESC LIMIT 21))`,
        [slugs],
      )
      const left = Number(rows[0].n)
      if (left === 0 || Date.now() - started > maxMs) return left
      await new Promise((r) => setTimeout(r, 1000))
    }
  } finally {
    await client.end()
  }
}
