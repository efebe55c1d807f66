// bench/read/hitCost.ts: what one cache hit costs the CMS process, in CPU, this code against a baseline checkout and
// against the node:http replay of the same bytes, in one run. Throughput on two shared cores moves ±30 % from one cell
// to the next; the server's own CPU time per request (user + system, from /proc) moves far less, so this is the
// figure to compare code by. Each server is loaded in turn, REPS rounds, and the medians are printed.
// Usage: [BENCH_BASELINE_DIR=<a built checkout>] [DATABASE_URL=…] [REDIS_URL=…] npm run bench:hit-cost
// Without BENCH_BASELINE_DIR the baseline is this build with EDGE_ENABLED=false (hits answered by the CMS's own thread).
import { mkdtempSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'

import { processCpuMs } from './cpuTime'
import { capture, load } from './load'
import { startCms, startReplay, type Running } from './processes'
import { readTargets } from './targets'

const baselineDir = process.env.BENCH_BASELINE_DIR
const database = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ir_bench_read_10000'
const seconds = Number(process.env.BENCH_SECONDS ?? 4)
const rounds = Number(process.env.REPS ?? 3)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const work = mkdtempSync(path.join(tmpdir(), 'ir-hit-cost-'))
const env = { DATABASE_URL: database, LOG_LEVEL: 'info', CACHE_ENABLED: 'true' }

const servers: (Running & { name: string })[] = [
  baselineDir
    ? { name: 'baseline', ...(await startCms(env, path.join(work, 'baseline.log'), path.resolve(baselineDir))) }
    : { name: 'edge off', ...(await startCms({ ...env, EDGE_ENABLED: 'false' }, path.join(work, 'baseline.log'))) },
  { name: 'this code', ...(await startCms(env, path.join(work, 'candidate.log'))) },
]
const targets = (await readTargets(servers[1]!.url)).map((t) => ({ ...t, paths: undefined }))
const captured = []
for (const target of targets) {
  for (const server of servers) {
    // Until a HIT: the cache answers once its versions are synced, which may be just after the server is healthy.
    let got = await capture(server.url, target)
    for (let tries = 0; got.cache !== 'HIT' && tries < 40; tries++) {
      await new Promise((r) => setTimeout(r, 250))
      got = await capture(server.url, target)
    }
    if (got.cache !== 'HIT') throw new Error(`${server.name}: ${target.name} not served from the cache`)
    if (server === servers[1]) captured.push(got)
  }
}
writeFileSync(path.join(work, 'responses.json'), JSON.stringify(captured))
servers.push({ name: 'replay', ...(await startReplay(path.join(work, 'responses.json'))) })

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
console.log(
  `${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}; c=${connections}, ${seconds} s per cell, ${rounds} rounds`,
)
console.log('| read | server | CPU µs per request (median) | rounds | req/s (median) |\n| --- | --- | --- | --- | --- |')
for (const target of targets) {
  const cost = new Map<string, number[]>()
  const rate = new Map<string, number[]>()
  for (let round = 0; round < rounds; round++) {
    for (const server of servers) {
      await load(server.url, target, connections, 1) // warm-up
      const before = processCpuMs(server.pid)
      const result = await load(server.url, target, connections, seconds)
      const requests = result.rps * seconds
      cost.set(server.name, [...(cost.get(server.name) ?? []), ((processCpuMs(server.pid) - before) * 1000) / requests])
      rate.set(server.name, [...(rate.get(server.name) ?? []), result.rps])
    }
  }
  for (const server of servers) {
    const each = cost.get(server.name)!
    console.log(
      `| ${target.name} | ${server.name} | ${median(each).toFixed(1)} | ${each.map((x) => x.toFixed(0)).join(' / ')} | ${Math.round(median(rate.get(server.name)!))} |`,
    )
  }
}
console.log(`load after ${os.loadavg()[0]!.toFixed(1)}`)
for (const server of servers) await server.stop()
process.exit(0)
