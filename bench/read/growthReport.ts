import os from 'node:os'

import { checkoutTarget, searchTarget } from './growthTargets'
import type { LoadResult } from './load'
import { replaceBlock } from './report'
import type { Target } from './targets'

export type GrowthCell = { target: string; result: LoadResult; serverMs: number; databaseMs: number; load: number }
export type GrowthSize = { products: number; seedSeconds: number | null; generatedSeconds: number | null; unrendered: number; cells: GrowthCell[] }
type Context = { seconds: number; connections: number; loadBefore: number[]; loadAfter: number[] }

const START = '<!-- bench:read-growth:start -->'
const END = '<!-- bench:read-growth:end -->'
// Issue 15: cost per request at the largest catalogue within 1.5× of the smallest.
const TARGET = 1.5

/** The three reads of bench/read, then search and a checkout. */
export function growthTargets(reads: Target[], products: number): Target[] {
  return [...reads, searchTarget(), checkoutTarget(products)]
}

const cost = (c: GrowthCell) => c.serverMs + c.databaseMs
const n = (x: number) => x.toLocaleString('en-GB')
const cell = (c: GrowthCell | undefined) =>
  c
    ? `${cost(c).toFixed(1)} (${c.serverMs.toFixed(1)} + ${c.databaseMs.toFixed(1)}) · ${c.result.rps} req/s, p99 ${c.result.p99}${c.result.errors + c.result.non2xx > 0 ? ` (${c.result.errors} err, ${c.result.non2xx} non-2xx)` : ''} · load ${c.load}`
    : '—'

function section(sizes: GrowthSize[], ctx: Context): string {
  const cpus = os.cpus()
  const loads = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ')
  const [smallest, largest] = [sizes[0]!, sizes[sizes.length - 1]!]
  const seeding = sizes.map((s) =>
    s.seedSeconds === null
      ? `${n(s.products)}: seeded by an earlier run`
      : `${n(s.products)}: ${s.generatedSeconds === null ? '?' : s.generatedSeconds.toFixed(1)} s for the generated products (${s.seedSeconds.toFixed(1)} s with the demo data)`,
  )
  return [
    START,
    '## Growth with the catalogue (bench/read, `npm run bench:growth`, issue 15)',
    '',
    `Run ${new Date().toISOString()} on ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`,
    `Load average (1/5/15 min) ${loads(ctx.loadBefore)} before and ${loads(ctx.loadAfter)} after; other engineers' work shares the ${cpus.length} cores.`,
    `PostgreSQL on 127.0.0.1, one database per size (\`ir_bench_growth_<size>\`: demo catalogue + the generated products). Read cache off,`,
    `request log and metrics on; autocannon at ${ctx.connections} connections, ${ctx.seconds} s per cell after a 1 s warm-up. Cost per request: CPU ms of the`,
    'server process + CPU ms of the PostgreSQL backends serving its database, over the requests completed (from /proc, so',
    'the machine’s other load changes it less than throughput). Seeding: ' + seeding.join('; ') + '.',
    `Products the reads touch (newest page, 1,000 slugs) still unrendered in the read model when measuring (background rendering off, \`READ_MODEL_BACKFILL=false\`): ${sizes.map((s) => `${n(s.products)}: ${n(s.unrendered)}`).join(', ')}.`,
    '',
    `| read | ${sizes.map((s) => `${n(s.products)} products: ms/request (server + database) · req/s, p99 ms · load`).join(' | ')} | ${n(largest.products)} ÷ ${n(smallest.products)} | target |`,
    `| --- | ${sizes.map(() => '---').join(' | ')} | --- | --- |`,
    ...smallest.cells.map((first) => {
      const last = largest.cells.find((c) => c.target === first.target)
      const ratio = last && cost(first) > 0 ? cost(last) / cost(first) : null
      return `| ${first.target} | ${sizes.map((s) => cell(s.cells.find((c) => c.target === first.target))).join(' | ')} | ${ratio === null ? '—' : `${ratio.toFixed(2)}×`} | ${TARGET}× ${ratio !== null && ratio <= TARGET ? 'met' : '**missed**'} |`
    }),
    END,
  ].join('\n')
}

/** Replaces the growth block of bench/RESULTS.md. */
export function writeGrowthResults(sizes: GrowthSize[], ctx: Context): string {
  return replaceBlock(START, END, section(sizes, ctx))
}
