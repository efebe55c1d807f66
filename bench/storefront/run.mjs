#!/usr/bin/env node
// bench/storefront: time to first byte of a product page and a category page at 20 concurrent clients.
// Pages render per request (each carries its own CSP nonce, storefront/middleware.ts), so every page view is a miss of
// Next's page cache; what may still be cached is the CMS data behind it (Next's data cache, by tag). Measured here:
//   1. steady state: 20 clients on one page, its CMS data cached;
//   2. the first render after an invalidation: a price edited through the CMS API (which revalidates the storefront's
//      product:<slug> and products tags), then one request, alone, repeated EDITS times;
//   3. 20 clients on the page while that price is edited every EDIT_INTERVAL_MS, so renders keep finding stale data.
// Each with the CMS requests it cost per page view (from the CMS's own /metrics). Baselines in the same run: the
// storefront's /api/health route and a trivial node:http server in its own process.
// Starts the built CMS and storefront (standalone server) with the demo catalogue (tests/e2e/stack.ts).
// Usage: npm run bench:storefront [-- seconds]   (TEST_DATABASE_URL=postgres://… for PostgreSQL; E2E_REUSE_BUILD=true
// to run the builds in .next as they are). STOREFRONT_CPU_PROFILE=<dir> runs the storefront with --cpu-prof into <dir>
// (summarise it with bench/storefront/profile-summary.mjs).
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { DEMO_MERCHANDISER } from '../../src/seed/seedUsers.ts'
import { formatPrice } from '../../storefront/lib/money.ts'
import { seededCatalogue } from '../../tests/e2e/catalogue.ts'
import { cmsClient } from '../../tests/e2e/cmsClient.ts'
import { startStack } from '../../tests/e2e/stack.ts'
import { freePort } from '../../tests/helpers/smtp.ts'
import { appendResults } from '../lib/results.mjs'

const seconds = Number(process.argv[2] ?? 10)
const connections = 20
const TARGET_P99_MS = 100
const EDITS = 10
const EDIT_INTERVAL_MS = 1000
const profileDir = process.env.STOREFRONT_CPU_PROFILE ? path.resolve(process.env.STOREFRONT_CPU_PROFILE) : null

const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))])
const round = (ms) => Math.round(ms * 10) / 10
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** `connections` keep-alive clients in a loop for `secs`; each sample is the time until the response's first bytes (its head). */
async function firstByte(url, secs) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const samples = []
  let failed = 0
  const until = Date.now() + secs * 1000
  const once = () =>
    new Promise((resolve) => {
      const started = process.hrtime.bigint()
      const req = http.get(url, { agent }, (res) => {
        samples.push(Number(process.hrtime.bigint() - started) / 1e6)
        if (res.statusCode !== 200) failed++
        res.resume()
        res.on('end', resolve)
      })
      req.on('error', () => {
        failed++
        resolve()
      })
    })
  const client = async () => {
    while (Date.now() < until) await once()
  }
  await Promise.all(Array.from({ length: connections }, client))
  agent.destroy()
  samples.sort((a, b) => a - b)
  return { n: samples.length, p50: round(percentile(samples, 0.5)), p99: round(percentile(samples, 0.99)), failed }
}

/** One request on a fresh connection: first byte, last byte and the body. */
function single(url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    let head = 0
    const req = http.get(url, { agent: false }, (res) => {
      head = Number(process.hrtime.bigint() - started) / 1e6
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode, head, total: Number(process.hrtime.bigint() - started) / 1e6, body: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    req.on('error', reject)
  })
}

async function lastByte(url, secs) {
  const r = await autocannon({ url, connections, duration: secs })
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, failed: r.errors + r.timeouts + r.non2xx }
}

/** A node:http server answering a fixed 200 in its own process, so it does not share the load generator's event loop. */
async function trivialServer() {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1', () => console.log('up'))`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise((resolve) => child.stdout.once('data', resolve))
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill('SIGTERM') }
}

/** Sum of a Prometheus counter's series whose labels match `labels` (a RegExp), read from a /metrics text. */
async function counter(url, name, labels = /.*/) {
  const text = await (await fetch(url)).text()
  let sum = 0
  for (const m of text.matchAll(new RegExp(`^${name}(?:\\{([^}]*)\\})? ([0-9.e+]+)$`, 'gm'))) if (labels.test(m[1] ?? '')) sum += Number(m[2])
  return sum
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')

if (profileDir) mkdirSync(profileDir, { recursive: true })
const stack = await startStack(profileDir ? { storefrontNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {})
const baseline = await trivialServer()
const cms = cmsClient(stack.cmsUrl)
// Requests the CMS answered on its API (not its /metrics or health), and tag revalidations the storefront applied.
const cmsApiRequests = () => counter(`${stack.cmsUrl}/metrics`, 'http_request_duration_seconds_count', /route="\/api\//)
/** The CMS's API request counts by method and route (for the console), and the change between two of them. */
async function cmsByRoute() {
  const text = await (await fetch(`${stack.cmsUrl}/metrics`)).text()
  const counts = {}
  for (const m of text.matchAll(/^http_request_duration_seconds_count\{([^}]*)\} ([0-9.e+]+)$/gm)) {
    const method = /method="([^"]*)"/.exec(m[1])?.[1]
    const route = /route="([^"]*)"/.exec(m[1])?.[1]
    if (route?.startsWith('/api/')) counts[`${method} ${route}`] = (counts[`${method} ${route}`] ?? 0) + Number(m[2])
  }
  return counts
}
const diffRoutes = (before, after) =>
  Object.fromEntries(
    Object.entries(after)
      .map(([k, v]) => [k, v - (before[k] ?? 0)])
      .filter(([, v]) => v > 0),
  )
const revalidations = () => counter(`${stack.storefrontUrl}/metrics`, 'storefront_revalidations_total', /kind="tag"/)

try {
  const catalogue = await seededCatalogue(cms)
  const product = catalogue.simpleProduct.product
  const staff = await cms.logIn('users', DEMO_MERCHANDISER)
  let edits = 0
  /** A new price for the product (alternating ±1p around its own), applied once the storefront has revalidated its tags. */
  async function editPrice() {
    edits++
    const price = product.price + (edits % 2)
    const before = await revalidations()
    await cms.patch(`/api/products/${product.id}`, { price }, staff)
    const deadline = Date.now() + 5000
    while ((await revalidations()) === before) {
      if (Date.now() > deadline) throw new Error('the storefront was not asked to revalidate within 5 s of a price edit')
      await sleep(10)
    }
    return price
  }

  const pages = [
    ['product page', `/products/${product.slug}`],
    ['category page', catalogue.variantProduct.categoryPath],
  ].map(([name, p]) => ({ name, url: `${stack.storefrontUrl}${p}`, path: p }))
  const baselines = [
    { name: 'storefront /api/health (baseline)', url: `${stack.storefrontUrl}/api/health`, path: '/api/health' },
    { name: 'node:http hello (baseline)', url: baseline.url, path: '(own process)' },
  ]

  for (const t of [...pages, ...baselines]) {
    const res = await fetch(t.url)
    if (res.status !== 200) throw new Error(`${t.name} answered ${res.status}`)
    await autocannon({ url: t.url, connections, duration: 2 })
  }
  const loadBefore = loadAverage()

  // 1. Steady state: the CMS data is in Next's data cache (warmed above).
  const steady = []
  for (const t of [...pages, ...baselines]) {
    const cmsBefore = await cmsApiRequests()
    const ttfb = await firstByte(t.url, seconds)
    const cmsPerView = pages.includes(t) ? ((await cmsApiRequests()) - cmsBefore) / ttfb.n : null
    const full = await lastByte(t.url, seconds)
    steady.push({ ...t, ttfb, full, cmsPerView })
    console.log(
      `steady ${t.name}: first byte p50 ${ttfb.p50} ms, p99 ${ttfb.p99} ms (${ttfb.n} requests${cmsPerView === null ? '' : `, ${cmsPerView.toFixed(2)} CMS requests per view`}); autocannon ${full.rps} req/s, p50 ${full.p50} ms, p99 ${full.p99} ms`,
    )
  }

  // 2. The first render after an invalidation, one request at a time (nothing else running), and the render after it.
  const firstAfter = { product: [], category: [], productNext: [], cmsProduct: [], cmsCategory: [] }
  for (let i = 0; i < EDITS; i++) {
    const price = await editPrice()
    let cmsBefore = await cmsApiRequests()
    const miss = await single(pages[0].url)
    firstAfter.cmsProduct.push((await cmsApiRequests()) - cmsBefore)
    if (miss.status !== 200 || !miss.body.includes(formatPrice(price))) throw new Error(`the product page after the edit did not show ${formatPrice(price)}`)
    firstAfter.product.push(miss.head)
    firstAfter.productNext.push((await single(pages[0].url)).head)
    cmsBefore = await cmsApiRequests()
    const category = await single(pages[1].url)
    firstAfter.cmsCategory.push((await cmsApiRequests()) - cmsBefore)
    if (category.status !== 200) throw new Error(`the category page after the edit answered ${category.status}`)
    firstAfter.category.push(category.head)
  }
  const summary = (values) => {
    const sorted = [...values].sort((a, b) => a - b)
    return { p50: round(percentile(sorted, 0.5)), max: round(sorted.at(-1)) }
  }
  const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length
  console.log(
    `first render after an edit (${EDITS} edits): product p50 ${summary(firstAfter.product).p50} ms, max ${summary(firstAfter.product).max} ms (${mean(firstAfter.cmsProduct).toFixed(1)} CMS requests); next render p50 ${summary(firstAfter.productNext).p50} ms; category p50 ${summary(firstAfter.category).p50} ms, max ${summary(firstAfter.category).max} ms (${mean(firstAfter.cmsCategory).toFixed(1)} CMS requests)`,
  )

  // 3. 20 clients while the price is edited every EDIT_INTERVAL_MS.
  const underEdits = []
  for (const t of pages) {
    const editsBefore = edits
    const cmsBefore = await cmsApiRequests()
    const routesBefore = await cmsByRoute()
    let running = true
    const editor = (async () => {
      while (running) {
        const started = Date.now()
        await editPrice()
        await sleep(Math.max(0, EDIT_INTERVAL_MS - (Date.now() - started)))
      }
    })()
    const ttfb = await firstByte(t.url, seconds)
    running = false
    await editor
    const cmsPerView = ((await cmsApiRequests()) - cmsBefore) / ttfb.n
    console.log(`  CMS API requests by route during it: ${JSON.stringify(diffRoutes(routesBefore, await cmsByRoute()))}`)
    underEdits.push({ ...t, ttfb, edits: edits - editsBefore, cmsPerView })
    console.log(
      `under edits ${t.name}: first byte p50 ${ttfb.p50} ms, p99 ${ttfb.p99} ms (${ttfb.n} requests, ${edits - editsBefore} edits, ${cmsPerView.toFixed(2)} CMS requests per view)`,
    )
  }
  await cms.patch(`/api/products/${product.id}`, { price: product.price }, staff)
  const loadAfter = loadAverage()

  const cpus = os.cpus()
  const verdict = (name, p99) => `${name}: ${p99} ms, ${p99 < TARGET_P99_MS ? 'met' : '**missed**'}`
  appendResults('Storefront on a miss (bench/storefront, issue 15)', [
    `Run ${new Date().toISOString()} with \`npm run bench:storefront\` (\`tsx bench/storefront/run.mjs [seconds]\`): the built storefront (its standalone server, as deployed) and CMS (\`src/server/main.ts\`) on 127.0.0.1, demo catalogue on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, ${connections} concurrent keep-alive clients, ${seconds} s per measurement.`,
    `Machine: nproc ${cpus.length}, ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB memory, Node ${process.version}. Load average (1/5/15 min) ${loadBefore} before and ${loadAfter} after: other helpers' builds and benches share these two cores, and the load generator runs on the same machine, so compare each row with the baselines of this run.`,
    '',
    'Every page renders per request (its CSP nonce), so each view is a miss of the page cache; "CMS req/view" counts the requests the CMS answered on its API per page view (0 = all CMS data from Next\'s data cache).',
    '',
    '| measurement | target | path | first byte p50 / p99 ms | requests | CMS req/view | autocannon req/s | autocannon p50 / p99 ms (last byte) | failed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...steady.map(
      (r) =>
        `| steady state, c=${connections} | ${r.name} | \`${r.path}\` | ${r.ttfb.p50} / ${r.ttfb.p99} | ${r.ttfb.n} | ${r.cmsPerView === null ? '—' : r.cmsPerView.toFixed(2)} | ${r.full.rps} | ${r.full.p50} / ${r.full.p99} | ${r.ttfb.failed + r.full.failed} |`,
    ),
    ...underEdits.map(
      (r) =>
        `| price edited every ${EDIT_INTERVAL_MS / 1000} s (${r.edits} edits), c=${connections} | ${r.name} | \`${r.path}\` | ${r.ttfb.p50} / ${r.ttfb.p99} | ${r.ttfb.n} | ${r.cmsPerView.toFixed(2)} | — | — | ${r.ttfb.failed} |`,
    ),
    '',
    `First render after an invalidation, alone (${EDITS} price edits; each waits until the storefront has revalidated the tags, then asks for the page once on a new connection): product page first byte p50 ${summary(firstAfter.product).p50} ms, max ${summary(firstAfter.product).max} ms, ${mean(firstAfter.cmsProduct).toFixed(1)} CMS requests, and it shows the new price every time; the render right after it ${summary(firstAfter.productNext).p50} ms p50. Category page (its listing is tagged \`products\`): p50 ${summary(firstAfter.category).p50} ms, max ${summary(firstAfter.category).max} ms, ${mean(firstAfter.cmsCategory).toFixed(1)} CMS requests.`,
    '',
    `Target: first-byte p99 under ${TARGET_P99_MS} ms at c=${connections} on a miss. Steady state: ${steady
      .slice(0, 2)
      .map((r) => verdict(r.name, r.ttfb.p99))
      .join('; ')}. Under edits: ${underEdits.map((r) => verdict(r.name, r.ttfb.p99)).join('; ')}.`,
    "First byte is timed by a node:http client (request written → response head received); autocannon reports the time to the whole response. /api/health runs a trivial route handler (no middleware, no render), so it shows Next's own per-request cost; the node:http line shows what the machine and the load generator allow.",
  ])
} finally {
  baseline.stop()
  await stack.stop()
}
if (profileDir) {
  // The storefront writes its profile as it exits (SIGTERM → Next closes the server → process.exit).
  await sleep(5000)
  console.log(`CPU profile of the storefront in ${profileDir}: node bench/storefront/profile-summary.mjs ${profileDir}/<file>.cpuprofile`)
}
process.exit(0)
