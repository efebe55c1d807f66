#!/usr/bin/env node
// bench/checkout: orders per second at 20 concurrent clients on PostgreSQL, and the oversold units (must be 0).
// Phase 1 (throughput): plenty of stock, every checkout should succeed. Phase 2 (contention): 10 SKUs with
// 25 units each and the same clients racing for them, to count oversold units. Baseline in the same run:
// POST /api/cart/quote (the same pricing reads, no writes). BENCH_BASELINE_DIR=<another checkout of the project, built>
// measures that code first, on its own database, in the same run (the checkout ratio against it is what carries over on
// a loaded machine). Usage: [BENCH_PORT=8190] [BENCH_BASELINE_DIR=../main] node bench/checkout/run.mjs [seconds]
import os from 'node:os'

import autocannon from 'autocannon'
import pg from 'pg'

import { adminToken, createDatabase, dropDatabase, machine, startCms } from '../lib/cms.mjs'
import { appendResults } from '../lib/results.mjs'

const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const seconds = Number(process.argv[2] ?? 15)
const connections = 20
const loadBefore = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')
const port = Number(process.env.BENCH_PORT ?? 8190)
const baselineDir = process.env.BENCH_BASELINE_DIR
const TARGET = 150

const address = { name: 'Bench Shopper', line1: '1 Tavern Street', city: 'Ipswich', postcode: 'IP1 3AA', country: 'GB' }

async function product(base, token, sku, stock) {
  const headers = { 'content-type': 'application/json', authorization: `JWT ${token}` }
  const made = await fetch(`${base}/api/products`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: `Bench ${sku}`, price: 1000, sku, _status: 'published' }),
  })
  if (!made.ok) throw new Error(`product ${sku}: ${made.status} ${await made.text()}`)
  const adjusted = await fetch(`${base}/api/inventory/adjust`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ sku, delta: stock, reason: 'Benchmark stock' }),
  })
  if (!adjusted.ok) throw new Error(`stock ${sku}: ${adjusted.status} ${await adjusted.text()}`)
}

function run(base, path, bodyFor, headersFor = () => ({})) {
  let n = 0
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req) => {
          n++
          return { ...req, headers: { 'content-type': 'application/json', ...headersFor(n) }, body: JSON.stringify(bodyFor(n)) }
        },
      },
    ],
  })
}

const summary = (r) => ({
  rps: Math.round(r.requests.average),
  p50: r.latency.p50,
  p99: r.latency.p99,
  statuses: { '2xx': r['2xx'], '4xx': r['4xx'], '5xx': r['5xx'], errors: r.errors, timeouts: r.timeouts },
})

/** The three phases on a fresh database against the CMS built in `dir`. */
async function measure(dir, label, cmsPort) {
  const dbName = `ir_bench_checkout_${label}_${process.pid}`
  const url = await createDatabase(server, dbName)
  const cms = await startCms({ databaseUrl: url, port: cmsPort, dir })
  try {
    const token = await adminToken(cms.base)
    const plenty = Array.from({ length: 20 }, (_, i) => `BENCH-P${i}`)
    const scarce = Array.from({ length: 10 }, (_, i) => `BENCH-S${i}`)
    for (const sku of plenty) await product(cms.base, token, sku, 100000)
    for (const sku of scarce) await product(cms.base, token, sku, 25)
    const cart = (skus, n) => [
      { sku: skus[n % skus.length], quantity: 1 + (n % 2) },
      { sku: skus[(n * 7 + 3) % skus.length], quantity: 1 },
    ]
    const checkoutBody = (skus) => (n) => ({
      items: cart(skus, n),
      email: `bench${n}@example.com`,
      shippingAddress: address,
      paymentMethod: 'test-card',
      card: { number: '4242424242424242' },
    })
    const key = (prefix) => (n) => ({ 'idempotency-key': `${prefix}-${process.pid}-${n}` })

    const quote = summary(await run(cms.base, '/api/cart/quote', (n) => ({ items: cart(plenty, n), shippingCountry: 'GB' })))
    const throughput = summary(await run(cms.base, '/api/checkout', checkoutBody(plenty), key('plenty')))
    const contention = summary(await run(cms.base, '/api/checkout', checkoutBody(scarce), key('scarce')))

    const db = new pg.Client({ connectionString: url })
    await db.connect()
    const stock = await db.query(`SELECT sku, available::int AS available FROM inventory WHERE sku LIKE 'BENCH-S%'`)
    const sold = await db.query(
      `SELECT l.sku, SUM(l.quantity)::int AS sold FROM orders_lines l JOIN orders o ON o.id = l._parent_id WHERE l.sku LIKE 'BENCH-S%' GROUP BY l.sku`,
    )
    const ledger = await db.query(`SELECT sku, SUM(change)::int AS total FROM stock_movements WHERE sku LIKE 'BENCH-S%' GROUP BY sku`)
    await db.end()
    const soldBy = new Map(sold.rows.map((r) => [r.sku, r.sold]))
    const ledgerBy = new Map(ledger.rows.map((r) => [r.sku, r.total]))
    const oversold = scarce.reduce((sum, sku) => sum + Math.max(0, (soldBy.get(sku) ?? 0) - 25), 0)
    const negative = stock.rows.filter((r) => r.available < 0).length
    const ledgerMismatch = stock.rows.filter((r) => ledgerBy.get(r.sku) !== r.available).length
    const unitsSold = [...soldBy.values()].reduce((a, b) => a + b, 0)

    return { quote, throughput, contention, unitsSold, oversold, negative, ledgerMismatch }
  } finally {
    await cms.stop()
    await dropDatabase(server, dbName).catch(() => {})
  }
}

const row = (name, r) => `| ${name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.statuses['2xx']} | ${r.statuses['4xx']} | ${r.statuses['5xx']} |`
const sections = []
if (baselineDir) sections.push(['baseline (BENCH_BASELINE_DIR)', await measure(baselineDir, 'baseline', port + 1)])
sections.push(['this code', await measure(undefined, 'current', port)])
const loadAfter = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')
const result = { machine: machine(), seconds, connections, loadBefore, loadAfter, runs: Object.fromEntries(sections) }
console.log(JSON.stringify(result, null, 2))
const current = sections.at(-1)[1]
const base = baselineDir ? sections[0][1] : null
const target = current.throughput.rps >= TARGET ? 'met' : `missed by ${TARGET - current.throughput.rps} orders/s`
appendResults('Checkout (bench/checkout)', [
  `Measured ${new Date().toISOString().slice(0, 16)}Z on ${result.machine}; PostgreSQL on 127.0.0.1, autocannon, ${connections} connections, ${seconds} s per row, CMS built and started as the image starts it (\`node --conditions=production --import tsx src/server/main.ts\`, one process${baselineDir ? '; the baseline first, on its own database, then this code' : ''}). Load average before / after: ${loadBefore} / ${loadAfter}.`,
  '',
  '| code | run | req/s | p50 ms | p99 ms | 2xx | 4xx | 5xx |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...sections.flatMap(([name, r]) => [
    row(`${name} | POST /api/cart/quote (same pricing reads, no writes)`, r.quote),
    row(`${name} | checkout, plenty of stock (orders/s)`, r.throughput),
    row(`${name} | checkout racing for 10 SKUs × 25 units`, r.contention),
  ]),
  '',
  ...sections.map(
    ([name, r]) =>
      `${name}: contended SKUs ${r.unitsSold} of 250 units sold, **${r.oversold} oversold**, ${r.negative} SKUs below zero, ${r.ledgerMismatch} ledgers differing from stock.`,
  ),
  '',
  `Target ≥ ${TARGET} orders/s: ${target}${base ? `; ${(current.throughput.rps / Math.max(1, base.throughput.rps)).toFixed(2)}× the baseline's orders/s in this run` : ''}.`,
])
if (sections.some(([, r]) => r.oversold > 0 || r.negative > 0 || r.ledgerMismatch > 0)) process.exitCode = 1
