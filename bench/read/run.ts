// `npm run bench` (bench/read), issue 15's shape: PostgreSQL, the demo catalogue plus BENCH_PRODUCTS (10,000)
// generated products, three reads uncached at 10 and 50 connections, each cell measured on the baseline server and
// on this code's server back to back in the same run (the machine is shared: only same-run ratios mean anything).
// The baseline is BENCH_BASELINE_DIST (a Next build of the baseline code, e.g. `.next-base`) with the read model
// off; without it, this build with READ_MODEL_ENABLED=false. BENCH_CACHED=1 also measures cache hits against a
// node:http replay of the same bytes (issue 5's section). Needs `npm run build`. Writes bench/RESULTS.md.
import { mkdtempSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'

import { benchDatabase, renderedCatalogue } from './database'
import { capture, load, type LoadResult } from './load'
import { startCms, startReplay } from './processes'
import { writeResults, writeUncachedResults, type Row, type UncachedRow } from './report'
import { readTargets, type Target } from './targets'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6)
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10000)
const PG = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const CONNECTIONS = [10, 50]
const work = mkdtempSync(path.join(tmpdir(), 'ir-bench-read-'))
const loadNow = () => os.loadavg().map((l) => Number(l.toFixed(1)))

const loadBefore = loadNow()
// A media folder per database (as bench/read/growth.ts): uploads of the same file name into one folder get renamed, and
// concurrent renames collide, so a second bench database seeded into ./media failed.
const mediaDir = `media/ir_bench_read_${PRODUCTS}`
const db = await benchDatabase(PG, PRODUCTS, process.env.BENCH_FRESH === '1', { mediaDir })
console.log(`database ${db.url}${db.seedSeconds === null ? ' (already seeded)' : `, seeded in ${db.seedSeconds.toFixed(1)} s`}`)
// Limits off for the load generator's single address; logging and metrics stay on.
const serverEnv = {
  DATABASE_URL: db.url,
  MEDIA_DIR: mediaDir,
  LOG_LEVEL: 'info',
  RATE_LIMIT_QUOTE: '100000000',
  RATE_LIMIT_LOGIN: '100000000',
  CACHE_ENABLED: 'false',
}
const baselineDist = process.env.BENCH_BASELINE_DIST
const baselineEnv = { ...serverEnv, READ_MODEL_ENABLED: 'false', ...(baselineDist ? { NEXT_DIST_DIR: baselineDist } : {}) }

const measure = async (url: string, target: Target, c: number) => {
  await load(url, target, c, 1) // warm-up, not recorded
  return load(url, target, c, SECONDS)
}

// Both servers stay up; only one is loaded at a time, cell by cell.
const baseline = await startCms(baselineEnv, path.join(work, 'baseline.log'))
const candidate = await startCms(serverEnv, path.join(work, 'candidate.log'))
await renderedCatalogue(db.url)
const targets = await readTargets(candidate.url)
const uncached: UncachedRow[] = []
for (const target of targets) {
  // The same bytes from both, or the comparison means nothing.
  const [a, b] = [await capture(baseline.url, target), await capture(candidate.url, target)]
  const same = a.body === b.body
  if (!same) console.warn(`${target.name}: the two servers answered different bodies`)
  for (const c of CONNECTIONS) {
    const before: LoadResult = await measure(baseline.url, target, c)
    const after: LoadResult = await measure(candidate.url, target, c)
    const row = { target: target.name, connections: c, baseline: before, candidate: after, sameBody: same, load: loadNow() }
    console.log(JSON.stringify(row))
    uncached.push(row)
  }
}
await baseline.stop()
await candidate.stop()
writeUncachedResults(uncached, {
  seconds: SECONDS,
  products: PRODUCTS,
  seedSeconds: db.seedSeconds,
  baseline: baselineDist ? `the Next build in \`${baselineDist}\` (the baseline code) with the read model off` : 'this build with READ_MODEL_ENABLED=false',
  loadBefore,
  loadAfter: loadNow(),
})

if (process.env.BENCH_CACHED === '1') {
  const rows: Row[] = []
  const cachedCms = await startCms({ ...serverEnv, CACHE_ENABLED: 'true' }, path.join(work, 'cached.log'))
  const single = targets.map((t) => ({ ...t, paths: undefined }))
  const captured = []
  for (const target of single) {
    // The cache answers only once its versions are synced with Redis, which may be just after the server is healthy.
    let got = await capture(cachedCms.url, target)
    for (let tries = 0; got.cache !== 'HIT' && tries < 40; tries++) {
      await new Promise((r) => setTimeout(r, 250))
      got = await capture(cachedCms.url, target)
    }
    captured.push(got)
  }
  const misses = captured.filter((c) => c.cache !== 'HIT')
  if (misses.length > 0) throw new Error(`not served from the cache: ${misses.map((m) => m.key).join(', ')}`)
  const responsesFile = path.join(work, 'responses.json')
  writeFileSync(responsesFile, JSON.stringify(captured))
  const replay = await startReplay(responsesFile)
  for (const target of single) {
    for (const c of CONNECTIONS) {
      // Cached and replay back to back, so both see the same machine.
      const cached = await measure(cachedCms.url, target, c)
      const ceiling = await measure(replay.url, target, c)
      const before = uncached.find((u) => u.target === target.name && u.connections === c)!
      rows.push({ target: target.name, connections: c, uncached: before.candidate, cached, replay: ceiling })
    }
  }
  await replay.stop()
  await cachedCms.stop()
  writeResults(rows, {
    seconds: SECONDS,
    database: db.url.replace(/\/\/[^@]*@/, '//'),
    redis: !!process.env.REDIS_URL,
    logs: work,
    loadBefore,
    loadAfter: loadNow(),
  })
}
console.log(`Results written to bench/RESULTS.md; server logs in ${work}`)
process.exit(0)
