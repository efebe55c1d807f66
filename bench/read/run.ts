// `npm run bench` (bench/read): uncached vs cached reads of the CMS vs a node:http server replaying the same
// bytes, at 10 and 50 connections, in one run. Needs `npm run build`, and a database with ~1,000 products
// (`npm run migrate && npm run seed -- --products 1000`, ideally on Postgres). Writes bench/RESULTS.md.
import { mkdtempSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'

import { capture, load, type LoadResult } from './load'
import { startCms, startReplay } from './processes'
import { writeResults, type Row } from './report'
import { readTargets } from './targets'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = [10, 50]
const work = mkdtempSync(path.join(tmpdir(), 'ir-bench-read-'))
// Limits off for the load generator's single address; logging and metrics stay on.
const serverEnv = { LOG_LEVEL: 'info', RATE_LIMIT_QUOTE: '100000000', RATE_LIMIT_LOGIN: '100000000' }

const rows: Row[] = []
const loadBefore = os.loadavg()
const measure = async (url: string, target: Parameters<typeof load>[1], c: number) => {
  await load(url, target, c, 1) // warm-up, not recorded
  return load(url, target, c, SECONDS)
}

const uncachedCms = await startCms({ ...serverEnv, CACHE_ENABLED: 'false' }, path.join(work, 'uncached.log'))
const targets = await readTargets(uncachedCms.url)
const uncached = new Map<string, LoadResult>()
for (const target of targets) {
  for (const c of CONNECTIONS) {
    uncached.set(`${target.name}@${c}`, await measure(uncachedCms.url, target, c))
    console.log(`uncached ${target.name} c=${c}`, uncached.get(`${target.name}@${c}`))
  }
}
await uncachedCms.stop()

const cachedCms = await startCms({ ...serverEnv, CACHE_ENABLED: 'true' }, path.join(work, 'cached.log'))
const captured = []
for (const target of targets) {
  await capture(cachedCms.url, target)
  captured.push(await capture(cachedCms.url, target))
}
const misses = captured.filter((c) => c.cache !== 'HIT')
if (misses.length > 0) throw new Error(`not served from the cache: ${misses.map((m) => m.key).join(', ')}`)
const responsesFile = path.join(work, 'responses.json')
writeFileSync(responsesFile, JSON.stringify(captured))
const replay = await startReplay(responsesFile)
for (const target of targets) {
  for (const c of CONNECTIONS) {
    // Cached and replay back to back, so both see the same machine.
    const cached = await measure(cachedCms.url, target, c)
    const ceiling = await measure(replay.url, target, c)
    console.log(`cached ${target.name} c=${c}`, cached, 'replay', ceiling)
    rows.push({ target: target.name, connections: c, uncached: uncached.get(`${target.name}@${c}`)!, cached, replay: ceiling })
  }
}
await replay.stop()
await cachedCms.stop()

const file = writeResults(rows, {
  seconds: SECONDS,
  database: process.env.DATABASE_URL?.replace(/\/\/[^@]*@/, '//') ?? 'SQLite (embedded)',
  redis: !!process.env.REDIS_URL,
  logs: work,
  loadBefore,
  loadAfter: os.loadavg(),
})
console.log(`Results written to ${file}`)
process.exit(0)
