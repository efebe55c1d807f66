// bench/read/cpuProfile.ts: where the server's CPU goes on one uncached read. Starts the CMS (the production build,
// read cache off unless CACHE_ENABLED=true (then the read is loaded after its first answer is stored: hits),
// BENCH_READ_MODEL=false for the framework's own path) with `node --cpu-prof` on a bench/read
// database, loads one read for BENCH_SECONDS at 10 connections, stops it, and prints each part's share of the busy
// samples (inclusive: a sample counts for every part on its stack) and the busy CPU per request.
// Usage: DATABASE_URL=postgres://…/ir_bench_read_10000 npx tsx bench/read/cpuProfile.ts [listing|slug|graphql]
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { load } from './load'
import { partsTable, profileParts, type CpuProfile } from './profileParts'
import { startCms } from './processes'
import { readTargets } from './targets'

const which = process.argv[2] ?? 'listing'
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const dir = mkdtempSync(path.join(tmpdir(), 'ir-cpu-prof-'))
process.env.BENCH_CPU_PROF = dir
const cms = await startCms(
  { LOG_LEVEL: 'info', CACHE_ENABLED: process.env.CACHE_ENABLED ?? 'false', READ_MODEL_ENABLED: process.env.BENCH_READ_MODEL ?? 'false' },
  path.join(dir, 'server.log'),
)
const targets = await readTargets(cms.url)
const target = targets[{ listing: 0, slug: 1, graphql: 2 }[which] ?? 0]!
await load(cms.url, target, 10, 2) // warm-up
// CLOCK_MONOTONIC in µs, the clock of the child's profile: only samples under load are counted.
const now = () => Number(process.hrtime.bigint() / 1000n)
const from = now()
const result = await load(cms.url, target, 10, seconds)
const to = now()
await cms.stop()

const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
if (!file) throw new Error(`no profile written in ${dir}`)
const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile
const requests = result.rps * seconds
console.log(`${target.name}: ${result.rps} req/s at c=10 over ${seconds} s; profile ${path.join(dir, file)}`)
for (const line of partsTable(profileParts(profile, from, to), requests)) console.log(line)
process.exit(0)
