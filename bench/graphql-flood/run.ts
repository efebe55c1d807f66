// `npm run bench:graphql-flood`: 8 clients send a 500-alias GraphQL query (refused by the guard) for 10 s while one
// client keeps reading a product listing; reads alone for 3 s first. In process, as tests/int/hardening-graphql runs
// the guard and Payload's route handlers. SQLite in a temporary folder, or PostgreSQL when TEST_DATABASE_URL is set.
// Moved here from the integration suite (issue 17): the suite keeps the refusal and a read alongside 8 floods.
// Prints one JSON line and rewrites the "GraphQL alias flood" section of bench/RESULTS.md.
import os from 'node:os'

import { appendResults } from '../lib/results.mjs'
import { guardedClient } from '../../tests/helpers/guardedClient'
import { bootPayload } from '../../tests/helpers/payload'

const READ_ALONE_MS = Number(process.env.BENCH_ALONE_SECONDS ?? 3) * 1000
const FLOOD_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000
const FLOODERS = 8
const aliasFlood = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: Products(limit: 100) { totalDocs }`).join(' ')} }`

// Payload's dependency checker would otherwise compare versions on boot, as the integration suites also skip it.
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'
const app = await bootPayload({ APP_ENV: 'staging', PAYMENT_METHODS: 'manual', LOG_LEVEL: 'silent' })
const api = await guardedClient(app.payload.config)
for (let i = 0; i < 30; i++) {
  await app.payload.create({ collection: 'products', data: { title: `Flood ${i}`, price: 100 + i, sku: `FLOOD-${i}`, _status: 'published' } })
}

// In-process clients have no socket between them and the server: each turn yields to the event loop as network I/O would.
const nextTurn = () => new Promise((resolve) => setImmediate(resolve))
const productRead = () => api.get('/products?limit=10&depth=0&where[_status][equals]=published')
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const summary = (latencies: number[]) => ({
  reads: latencies.length,
  p50ms: Number(percentile(latencies, 50).toFixed(1)),
  p99ms: Number(percentile(latencies, 99).toFixed(1)),
  maxms: Number(latencies[latencies.length - 1].toFixed(1)),
})

async function readFor(ms: number): Promise<{ latencies: number[]; failures: number }> {
  const until = Date.now() + ms
  const latencies: number[] = []
  let failures = 0
  while (Date.now() < until) {
    const started = performance.now()
    const res = await productRead()
    latencies.push(performance.now() - started)
    if (res.status !== 200 || res.json.docs.length !== 10) failures++
    await nextTurn()
  }
  return { latencies: latencies.sort((a, b) => a - b), failures }
}

const loadBefore = os.loadavg()
await api.gql('{ Products(limit: 5) { docs { title } } }') // warm the schema
const alone = await readFor(READ_ALONE_MS)
const until = Date.now() + FLOOD_MS
let refused = 0
let other = 0
const flooder = async () => {
  while (Date.now() < until) {
    const res = await api.gql(aliasFlood)
    if (res.status === 400) refused++
    else other++
    await nextTurn()
  }
}
const [underFlood] = await Promise.all([readFor(FLOOD_MS), ...Array.from({ length: FLOODERS }, flooder)])
const loadAfter = os.loadavg()
await app.close()

const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'
const result = {
  database,
  floodsRefused: refused,
  floodOther: other,
  alone: summary(alone.latencies),
  underFlood: { ...summary(underFlood.latencies), failures: underFlood.failures },
}
console.log(`GRAPHQL FLOOD ${JSON.stringify(result)}`)

const cpus = os.cpus()
const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ')
const ms = (s: ReturnType<typeof summary>) => `${s.reads.toLocaleString('en-GB')}, ${s.p50ms} ms, ${s.p99ms} ms`
appendResults('GraphQL alias flood (bench/graphql-flood)', [
  `Run ${new Date().toISOString()} on ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${database}.`,
  `Load average (1/5/15 min) ${load(loadBefore)} before and ${load(loadAfter)} after: other work shares the cores, so timings are upper bounds.`,
  `${FLOODERS} clients send a 500-alias \`Products\` query for ${FLOOD_MS / 1000} s through the request guard and Payload's route handlers, in process,`,
  `while one client reads \`GET /api/products?limit=10&depth=0&where[_status][equals]=published\` (alone for ${READ_ALONE_MS / 1000} s first).`,
  'Until issue 17 this ran as a 13-second test of `tests/int/hardening-graphql`; the suite now sends one read alongside 8 floods.',
  '',
  '| database | floods refused | other answers to floods | reads alone: n, p50, p99 | reads under flood: n, p50, p99, max | failed reads |',
  '| --- | --- | --- | --- | --- | --- |',
  `| ${database} | ${refused.toLocaleString('en-GB')} | ${other} | ${ms(result.alone)} | ${ms(result.underFlood)}, ${result.underFlood.maxms} ms | ${underFlood.failures} |`,
])
process.exit(underFlood.failures === 0 && other === 0 ? 0 : 1)
