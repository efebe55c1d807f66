import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { LoadResult } from './load'
import { root } from './processes'

export type Row = { target: string; connections: number; uncached: LoadResult; cached: LoadResult; replay: LoadResult }
export type UncachedRow = { target: string; connections: number; baseline: LoadResult; candidate: LoadResult; sameBody: boolean; load: number[] }
type UncachedContext = { seconds: number; products: number; seedSeconds: number | null; baseline: string; loadBefore: number[]; loadAfter: number[] }
type Context = { seconds: number; database: string; redis: boolean; logs: string; loadBefore: number[]; loadAfter: number[] }

const START = '<!-- bench:read:start -->'
const END = '<!-- bench:read:end -->'
const TARGETS = { ofReplay: 0.5, timesUncached: 40, p99AtFifty: 10 }
const ISSUE_15 = { ofReplay: 0.6, p99OfReplay: 1.5 }

const fmt = (r: LoadResult) =>
  `${r.rps.toLocaleString('en-GB')} / ${r.p50} / ${r.p99}${r.errors + r.non2xx > 0 ? ` (${r.errors} err, ${r.non2xx} non-2xx)` : ''}`
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')

function section(rows: Row[], ctx: Context): string {
  const cpus = os.cpus()
  const lines = [
    START,
    '## Read path (bench/read)',
    '',
    `Run ${new Date().toISOString()} on ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`,
    `Load average (1/5/15 min) ${ctx.loadBefore.map((l) => l.toFixed(1)).join(' / ')} before and ${ctx.loadAfter.map((l) => l.toFixed(1)).join(' / ')} after the run: other work on the machine shares its ${cpus.length} cores.`,
    `Database: ${ctx.database}; cache tiers: in-process LRU${ctx.redis ? ' + Redis' : ''}. autocannon on 127.0.0.1, keep-alive, ${ctx.seconds} s per cell after a 1 s warm-up;`,
    'the CMS (`src/server/main.ts` on the production build) logs one JSON line per request to a file and records',
    '`http_request_duration_seconds` and `cache_requests_total` throughout. "Replay" is a trivial node:http server in its',
    'own process answering the same bytes and headers. The load generator shares the machine with the server.',
    '',
    '| read | c | uncached req/s / p50 / p99 ms | cached req/s / p50 / p99 ms | replay req/s / p50 / p99 ms | cached ÷ replay | cached ÷ uncached |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.target} | ${r.connections} | ${fmt(r.uncached)} | ${fmt(r.cached)} | ${fmt(r.replay)} | ${Math.round((r.cached.rps / r.replay.rps) * 100)} % | ${Math.round(r.cached.rps / Math.max(1, r.uncached.rps))}× |`,
    ),
    '',
    'Targets (issue 5): cached ≥ 50 % of replay, ≥ 40× uncached, p99 < 10 ms at c=50.',
    '',
    ...rows.map((r) => {
      const ofReplay = r.cached.rps / r.replay.rps
      const times = r.cached.rps / Math.max(1, r.uncached.rps)
      const p99 = r.connections === 50 ? `, p99 ${r.cached.p99} ms ${verdict(r.cached.p99 < TARGETS.p99AtFifty)}` : ''
      return `- ${r.target}, c=${r.connections}: ${Math.round(ofReplay * 100)} % of replay ${verdict(ofReplay >= TARGETS.ofReplay)}, ${Math.round(times)}× uncached ${verdict(times >= TARGETS.timesUncached)}${p99}`
    }),
    '',
    'Targets (issue 15): cached ≥ 60 % of replay at c=10 and c=50, p99 at c=50 ≤ 1.5× the replay’s p99 in the same run.',
    '',
    ...rows.map((r) => {
      const ofReplay = r.cached.rps / r.replay.rps
      const p99 =
        r.connections === 50 ? `, p99 ${r.cached.p99} ms against ${r.replay.p99} ms ${verdict(r.cached.p99 <= ISSUE_15.p99OfReplay * r.replay.p99)}` : ''
      return `- ${r.target}, c=${r.connections}: ${Math.round(ofReplay * 100)} % of replay ${verdict(ofReplay >= ISSUE_15.ofReplay)}${p99}`
    }),
    END,
  ]
  return lines.join('\n')
}

const UNCACHED_START = '<!-- bench:read-uncached:start -->'
const UNCACHED_END = '<!-- bench:read-uncached:end -->'
// Issue 15: REST and GraphQL listings at 10× the baseline, the product by slug at 4×.
const uncachedTarget = (name: string) => (name.startsWith('product by slug') ? 4 : 10)

function uncachedSection(rows: UncachedRow[], ctx: UncachedContext): string {
  const cpus = os.cpus()
  const loads = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ')
  return [
    UNCACHED_START,
    '## Read path, uncached (bench/read, issue 15)',
    '',
    `Run ${new Date().toISOString()} on ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`,
    `Load average (1/5/15 min) ${loads(ctx.loadBefore)} before and ${loads(ctx.loadAfter)} after; the last column is the 1-minute load after each cell. Other engineers' work shares the ${cpus.length} cores.`,
    `PostgreSQL on 127.0.0.1, demo catalogue + ${ctx.products.toLocaleString('en-GB')} generated products${ctx.seedSeconds === null ? ' (seeded by an earlier run)' : `, seeded in ${ctx.seedSeconds.toFixed(1)} s`}. Read cache off (\`CACHE_ENABLED=false\`),`,
    `so every request is a miss. autocannon on 127.0.0.1, keep-alive, ${ctx.seconds} s per cell after a 1 s warm-up; request log and metrics on.`,
    `Each cell runs the baseline server, then this code's server, back to back. Baseline: ${ctx.baseline}.`,
    '',
    '| read | c | baseline req/s / p50 / p99 ms | now req/s / p50 / p99 ms | now ÷ baseline | target | same body | load |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => {
      const target = uncachedTarget(r.target)
      // A cell where no request completed has no ratio to report.
      const ratio = r.baseline.rps > 0 && r.candidate.rps > 0 ? r.candidate.rps / r.baseline.rps : null
      const judged = ratio === null ? `${target}× — (a server completed no request)` : `${target}× ${verdict(ratio >= target)}`
      return `| ${r.target} | ${r.connections} | ${fmt(r.baseline)} | ${fmt(r.candidate)} | ${ratio === null ? '—' : `${ratio.toFixed(1)}×`} | ${judged} | ${r.sameBody ? 'yes' : '**no**'} | ${r.load[0]} |`
    }),
    UNCACHED_END,
  ].join('\n')
}

export function replaceBlock(start: string, end: string, block: string): string {
  const file = path.join(root, 'bench/RESULTS.md')
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n'
  const next = current.includes(start) ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => block) : `${current.trimEnd()}\n\n${block}\n`
  writeFileSync(file, next)
  return file
}

/** Replaces the uncached section of bench/RESULTS.md. */
export function writeUncachedResults(rows: UncachedRow[], ctx: UncachedContext): string {
  return replaceBlock(UNCACHED_START, UNCACHED_END, uncachedSection(rows, ctx))
}

/** Replaces this benchmark's section of bench/RESULTS.md (other benchmarks keep theirs). */
export function writeResults(rows: Row[], ctx: Context): string {
  return replaceBlock(START, END, section(rows, ctx))
}
