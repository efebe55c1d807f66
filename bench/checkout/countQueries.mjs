// Preloaded into the CMS by bench/checkout/profile.ts (`node --import`): counts the SQL statements the server sends
// through `pg` and the time each kind waits for its answer, from the last SIGUSR2 until the process exits, and writes
// them as JSON to BENCH_QUERY_LOG. Statements are grouped by their text up to the first parameter.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const pg = createRequire(path.join(process.cwd(), 'package.json'))('pg')
let kinds = new Map()
const kindOf = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 140)

const query = pg.Client.prototype.query
pg.Client.prototype.query = function (config, ...rest) {
  const text = typeof config === 'string' ? config : config?.text
  const kind = kindOf(text)
  const entry = kinds.get(kind) ?? { count: 0, ms: 0 }
  kinds.set(kind, entry)
  entry.count++
  const start = performance.now()
  const result = query.call(this, config, ...rest)
  if (result && typeof result.then === 'function') {
    result.then(
      () => (entry.ms += performance.now() - start),
      () => (entry.ms += performance.now() - start),
    )
  }
  return result
}

process.on('SIGUSR2', () => (kinds = new Map()))
process.on('exit', () => {
  if (!process.env.BENCH_QUERY_LOG) return
  const rows = [...kinds].map(([kind, { count, ms }]) => ({ kind, count, ms: Math.round(ms) })).sort((a, b) => b.count - a.count)
  writeFileSync(process.env.BENCH_QUERY_LOG, JSON.stringify(rows, null, 2))
})
