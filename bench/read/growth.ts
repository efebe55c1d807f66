// `npm run bench:growth` (bench/read, issue 15's growth target): the same reads, search and a checkout at several
// catalogue sizes (BENCH_GROWTH_SIZES, default 1,000 / 10,000 / 100,000 generated products, one database each),
// uncached, on this code's server. Cost per request is the CPU of the server process plus its PostgreSQL
// backends, divided by the requests completed at BENCH_GROWTH_CONNECTIONS (10) clients; the target is the largest
// catalogue within 1.5× of the smallest. Needs `npm run build`. Writes its block of bench/RESULTS.md.
import { mkdtempSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'

import { cpuMeter } from './cpuTime'
import { benchDatabase, renderedProducts } from './database'
import { growthTargets, writeGrowthResults, type GrowthCell, type GrowthSize } from './growthReport'
import { load } from './load'
import { startCms } from './processes'
import { readTargets, type Target } from './targets'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6)
const SIZES = (process.env.BENCH_GROWTH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const CONNECTIONS = Number(process.env.BENCH_GROWTH_CONNECTIONS ?? 10)
// How long to wait for the read products' renderings before measuring.
const RENDER_WAIT_MS = Number(process.env.BENCH_RENDER_WAIT_SECONDS ?? 300) * 1000
const PG = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const work = mkdtempSync(path.join(tmpdir(), 'ir-bench-growth-'))
const loadNow = () => os.loadavg().map((l) => Number(l.toFixed(1)))

/** Every path of a GET target once, eight at a time. */
async function touch(url: string, target: Target): Promise<void> {
  const paths = [...(target.paths ?? [target.path])]
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let p = paths.shift(); p !== undefined; p = paths.shift()) await (await fetch(`${url}${p}`, { headers: target.headers })).arrayBuffer()
    }),
  )
}

const loadBefore = loadNow()
const sizes: GrowthSize[] = []
for (const products of SIZES) {
  // A media folder per database: uploads of the same file name into one folder get renamed, and concurrent renames collide.
  const mediaDir = `media/ir_bench_growth_${products}`
  // Its own databases: the CPU of every backend on a database counts, so none may be shared with another bench.
  const db = await benchDatabase(PG, products, process.env.BENCH_FRESH === '1', { mediaDir, prefix: 'ir_bench_growth' })
  const serverEnv = {
    DATABASE_URL: db.url,
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: 'info',
    CACHE_ENABLED: 'false',
    ...Object.fromEntries(['QUOTE', 'LOGIN', 'CHECKOUT'].map((k) => [`RATE_LIMIT_${k}`, '100000000'])),
  }
  // No background rendering of the whole catalogue (100,000 renderings would run through every cell): the reads
  // render what they touch, a warm pass touches all of it, and the run waits until it is rendered. No jobs runner
  // either: the checkout cell queues an email per order, which an earlier run's server would then send through the
  // next run's cells (their CPU counted as the reads').
  const server = await startCms({ ...serverEnv, READ_MODEL_BACKFILL: 'false', RUN_JOBS_IN_PROCESS: 'false' }, path.join(work, `server-${products}.log`))
  const targets = growthTargets(await readTargets(server.url), products)
  for (const target of targets.filter((t) => t.method === 'GET')) await touch(server.url, target)
  const slugs = targets.flatMap((t) => t.paths ?? []).flatMap((p) => /where\[slug\]\[equals\]=([^&]+)/.exec(p)?.[1] ?? [])
  const unrendered = await renderedProducts(db.url, slugs.map(decodeURIComponent), RENDER_WAIT_MS)
  const meter = await cpuMeter(server.pid, db.url)
  const cells: GrowthCell[] = []
  for (const target of targets) {
    await load(server.url, target, CONNECTIONS, 1) // warm-up, not recorded
    const before = await meter.sample()
    const result = await load(server.url, target, CONNECTIONS, SECONDS)
    const cpu = meter.since(before, await meter.sample())
    const requests = result.rps * SECONDS
    const cell = {
      target: target.name.replace(/ \(rotating over .*\)$/, ''),
      result,
      serverMs: cpu.server / requests,
      databaseMs: cpu.database / requests,
      load: loadNow()[0]!,
    }
    console.log(JSON.stringify({ products, ...cell }))
    cells.push(cell)
  }
  await meter.end()
  await server.stop()
  sizes.push({ products, seedSeconds: db.seedSeconds, generatedSeconds: db.generatedSeconds, unrendered, cells })
}
writeGrowthResults(sizes, { seconds: SECONDS, connections: CONNECTIONS, loadBefore, loadAfter: loadNow() })
console.log(`Results written to bench/RESULTS.md; server logs in ${work}`)
process.exit(0)
