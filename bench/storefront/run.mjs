#!/usr/bin/env node
// bench/storefront: time to first byte of a product page and a category page at 20 concurrent clients.
// Catalogue pages are kept by the storefront's page cache after one render (storefront/lib/pageCache: the HTML with a
// new CSP nonce per answer) until the CMS revalidates a tag they were built from; their CMS data is in Next's data
// cache by tag. Measured here:
//   1. steady state: 20 clients on one page;
//   2. the first render after an invalidation: a price edited through the CMS API (which revalidates the storefront's
//      product:<slug> and products tags), then one request, alone, repeated EDITS times;
//   3. 20 clients on the page while that price is edited every EDIT_INTERVAL_MS, so the page is dropped and rendered
//      again each time, while the other clients ask for it;
//   4. 20 clients on the category page while a guest buys one unit of a product it lists every SALE_INTERVAL_MS
//      (stock stays above zero, so no in-stock badge changes and the page should stay kept).
// Each with the CMS requests it cost per page view (from the CMS's own /metrics) and the page cache's outcomes (from
// the storefront's). Baselines in the same run: the storefront's /api/health route and a trivial node:http server in
// its own process. STOREFRONT_PAGE_CACHE=off runs the same with every view rendered (its own section in RESULTS.md).
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

import { DEMO_ADMIN, DEMO_MERCHANDISER } from '../../src/seed/seedUsers.ts'
import { pageCacheSettings } from '../../storefront/lib/env.ts'
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
const SALE_INTERVAL_MS = 1000
const profileDir = process.env.STOREFRONT_CPU_PROFILE ? path.resolve(process.env.STOREFRONT_CPU_PROFILE) : null
// As the built storefront this starts reads its setting.
const pageCacheOn = pageCacheSettings({ ...process.env, NODE_ENV: 'production' }).enabled

const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))])
const round = (ms) => Math.round(ms * 10) / 10
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `action` every `intervalMs` (back to back when it takes longer) while `measure` runs; answers what `measure` found. */
async function meanwhile(action, intervalMs, measure) {
  let running = true
  const repeating = (async () => {
    while (running) {
      const started = Date.now()
      await action()
      await sleep(Math.max(0, intervalMs - (Date.now() - started)))
    }
  })()
  try {
    return await measure()
  } finally {
    running = false
    await repeating
  }
}

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

/** `connections` requests at once, each on its own new connection: their first-byte times, and whether all answered 200. */
async function burst(url) {
  const answers = await Promise.all(Array.from({ length: connections }, () => single(url)))
  return { heads: answers.map((a) => a.head), bodies: answers.map((a) => a.body), ok: answers.every((a) => a.status === 200) }
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
const PAGE_CACHE_RESULTS = ['hit', 'miss', 'waited', 'stored']
/** The page cache's outcomes so far (storefront_page_cache_total by result). */
async function pageCacheCounts() {
  const counts = {}
  for (const result of PAGE_CACHE_RESULTS)
    counts[result] = await counter(`${stack.storefrontUrl}/metrics`, 'storefront_page_cache_total', new RegExp(`result="${result}"`))
  return counts
}
const pageCacheDiff = (before, after) => PAGE_CACHE_RESULTS.map((r) => `${r} ${after[r] - before[r]}`).join(', ')

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
    const cacheBefore = await pageCacheCounts()
    const ttfb = await firstByte(t.url, seconds)
    const cmsPerView = pages.includes(t) ? ((await cmsApiRequests()) - cmsBefore) / ttfb.n : null
    const cache = pages.includes(t) ? pageCacheDiff(cacheBefore, await pageCacheCounts()) : '—'
    const full = await lastByte(t.url, seconds)
    steady.push({ ...t, ttfb, full, cmsPerView, cache })
    console.log(
      `steady ${t.name}: first byte p50 ${ttfb.p50} ms, p99 ${ttfb.p99} ms (${ttfb.n} requests${cmsPerView === null ? '' : `, ${cmsPerView.toFixed(2)} CMS requests per view, page cache ${cache}`}); autocannon ${full.rps} req/s, p50 ${full.p50} ms, p99 ${full.p99} ms`,
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

  // 2b. 20 shoppers at once right after an invalidation: every one of them asks for the page before it is rendered again.
  const afterBurst = { product: [], category: [], cmsProduct: [], cmsCategory: [] }
  for (let i = 0; i < EDITS; i++) {
    const price = await editPrice()
    for (const [page, times, cms] of [
      [pages[0], afterBurst.product, afterBurst.cmsProduct],
      [pages[1], afterBurst.category, afterBurst.cmsCategory],
    ]) {
      const cmsBefore = await cmsApiRequests()
      const answers = await burst(page.url)
      cms.push((await cmsApiRequests()) - cmsBefore)
      if (!answers.ok) throw new Error(`the ${page.name} answered other than 200 to ${connections} shoppers at once after an edit`)
      if (page === pages[0] && !answers.bodies.every((body) => body.includes(formatPrice(price))))
        throw new Error(`a shopper did not see ${formatPrice(price)} after the edit`)
      times.push(...answers.heads)
    }
  }
  const burstSummary = (values) => {
    const sorted = [...values].sort((a, b) => a - b)
    return { p50: round(percentile(sorted, 0.5)), p99: round(percentile(sorted, 0.99)), n: sorted.length }
  }
  const burstProduct = burstSummary(afterBurst.product)
  const burstCategory = burstSummary(afterBurst.category)
  console.log(
    `${connections} at once after an edit (${EDITS} edits): product first byte p50 ${burstProduct.p50} ms, p99 ${burstProduct.p99} ms (${mean(afterBurst.cmsProduct).toFixed(1)} CMS requests per burst); category p50 ${burstCategory.p50} ms, p99 ${burstCategory.p99} ms (${mean(afterBurst.cmsCategory).toFixed(1)} CMS requests per burst)`,
  )

  // 3. 20 clients while the price is edited every EDIT_INTERVAL_MS.
  const underEdits = []
  for (const t of pages) {
    const editsBefore = edits
    const cmsBefore = await cmsApiRequests()
    const routesBefore = await cmsByRoute()
    const cacheBefore = await pageCacheCounts()
    const ttfb = await meanwhile(editPrice, EDIT_INTERVAL_MS, () => firstByte(t.url, seconds))
    const cmsPerView = ((await cmsApiRequests()) - cmsBefore) / ttfb.n
    const cache = pageCacheDiff(cacheBefore, await pageCacheCounts())
    console.log(`  CMS API requests by route during it: ${JSON.stringify(diffRoutes(routesBefore, await cmsByRoute()))}`)
    underEdits.push({ ...t, ttfb, edits: edits - editsBefore, cmsPerView, cache })
    console.log(
      `under edits ${t.name}: first byte p50 ${ttfb.p50} ms, p99 ${ttfb.p99} ms (${ttfb.n} requests, ${edits - editsBefore} edits, ${cmsPerView.toFixed(2)} CMS requests per view, page cache ${cache})`,
    )
  }
  await cms.patch(`/api/products/${product.id}`, { price: product.price }, staff)

  // 4. 20 clients on the category page while one unit of a product it lists sells every SALE_INTERVAL_MS.
  const listed = catalogue.variantProduct
  const admin = await cms.logIn('users', DEMO_ADMIN)
  await cms.post('/api/inventory/adjust', { sku: listed.sku, delta: 100, reason: 'Bench: stock for the sales below' }, admin)
  let sales = 0
  async function sell() {
    const res = await fetch(`${stack.cmsUrl}/api/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-sale-${process.pid}-${Date.now()}-${sales}` },
      body: JSON.stringify({
        items: [{ sku: listed.sku, quantity: 1 }],
        email: 'bench-shopper@example.com',
        shippingAddress: { name: 'Bench Shopper', line1: '1 Tavern Street', city: 'Ipswich', postcode: 'IP1 3AA', country: 'GB' },
        paymentMethod: 'test-card',
        card: { number: '4242424242424242' },
      }),
    })
    if (res.status !== 201 && res.status !== 200) throw new Error(`a bench sale answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
    sales++
  }
  const categoryPage = pages[1]
  const revalidationsBefore = await revalidations()
  const salesCacheBefore = await pageCacheCounts()
  const salesCmsBefore = await cmsApiRequests()
  const salesTtfb = await meanwhile(sell, SALE_INTERVAL_MS, () => firstByte(categoryPage.url, seconds))
  await sleep(500) // the last sale's revalidation
  const underSales = {
    ...categoryPage,
    ttfb: salesTtfb,
    sales,
    revalidations: (await revalidations()) - revalidationsBefore,
    cmsPerView: ((await cmsApiRequests()) - salesCmsBefore - sales) / salesTtfb.n,
    cache: pageCacheDiff(salesCacheBefore, await pageCacheCounts()),
  }
  console.log(
    `under sales ${categoryPage.name}: first byte p50 ${salesTtfb.p50} ms, p99 ${salesTtfb.p99} ms (${salesTtfb.n} requests, ${sales} sales, ${underSales.revalidations} tag revalidations, page cache ${underSales.cache})`,
  )
  const loadAfter = loadAverage()

  const cpus = os.cpus()
  const verdict = (name, p99) => `${name}: ${p99} ms, ${p99 < TARGET_P99_MS ? 'met' : '**missed**'}`
  appendResults(`Storefront on a miss (bench/storefront, issue 15)${pageCacheOn ? '' : ', page cache off'}`, [
    `Run ${new Date().toISOString()} with \`${pageCacheOn ? '' : 'STOREFRONT_PAGE_CACHE=off '}npm run bench:storefront\` (\`tsx bench/storefront/run.mjs [seconds]\`): the built storefront (its standalone server, as deployed) and CMS (\`src/server/main.ts\`) on 127.0.0.1, demo catalogue on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, ${connections} concurrent keep-alive clients, ${seconds} s per measurement.`,
    `Machine: nproc ${cpus.length}, ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB memory, Node ${process.version}. Load average (1/5/15 min) ${loadBefore} before and ${loadAfter} after; the load generator runs on the same machine, so compare each row with the baselines of this run.`,
    '',
    pageCacheOn
      ? 'The page cache is on (as `npm start` runs it): a page is rendered once after each invalidation and kept, every other view is answered from it with a new CSP nonce; "page cache" counts its outcomes (hit, miss = rendered, waited = asked while that render ran, stored). "CMS req/view" counts the requests the CMS answered on its API per page view.'
      : 'The page cache is off (`STOREFRONT_PAGE_CACHE=off`): every view renders (its CSP nonce), so each is a miss; "CMS req/view" counts the requests the CMS answered on its API per page view (0 = all CMS data from Next\'s data cache).',
    '',
    '| measurement | target | path | first byte p50 / p99 ms | requests | CMS req/view | page cache | autocannon req/s | autocannon p50 / p99 ms (last byte) | failed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...steady.map(
      (r) =>
        `| steady state, c=${connections} | ${r.name} | \`${r.path}\` | ${r.ttfb.p50} / ${r.ttfb.p99} | ${r.ttfb.n} | ${r.cmsPerView === null ? '—' : r.cmsPerView.toFixed(2)} | ${r.cache} | ${r.full.rps} | ${r.full.p50} / ${r.full.p99} | ${r.ttfb.failed + r.full.failed} |`,
    ),
    ...underEdits.map(
      (r) =>
        `| price edited every ${EDIT_INTERVAL_MS / 1000} s (${r.edits} edits), c=${connections} | ${r.name} | \`${r.path}\` | ${r.ttfb.p50} / ${r.ttfb.p99} | ${r.ttfb.n} | ${r.cmsPerView.toFixed(2)} | ${r.cache} | — | — | ${r.ttfb.failed} |`,
    ),
    `| a unit of a listed product sold every ${SALE_INTERVAL_MS / 1000} s (${underSales.sales} sales, ${underSales.revalidations} tags revalidated), c=${connections} | ${underSales.name} | \`${underSales.path}\` | ${underSales.ttfb.p50} / ${underSales.ttfb.p99} | ${underSales.ttfb.n} | ${underSales.cmsPerView.toFixed(2)} | ${underSales.cache} | — | — | ${underSales.ttfb.failed} |`,
    '',
    `First render after an invalidation, alone (${EDITS} price edits; each waits until the storefront has revalidated the tags, then asks for the page once on a new connection): product page first byte p50 ${summary(firstAfter.product).p50} ms, max ${summary(firstAfter.product).max} ms, ${mean(firstAfter.cmsProduct).toFixed(1)} CMS requests, and it shows the new price every time; the request right after it (${pageCacheOn ? 'a page cache hit' : 'another render'}) ${summary(firstAfter.productNext).p50} ms p50. Category page (its listing is tagged \`products\`): p50 ${summary(firstAfter.category).p50} ms, max ${summary(firstAfter.category).max} ms, ${mean(firstAfter.cmsCategory).toFixed(1)} CMS requests.`,
    '',
    `${connections} shoppers at once right after an invalidation (${EDITS} price edits; after each, ${connections} requests on new connections to the product page, then ${connections} to the category page; every product answer showed the new price): product page first byte p50 ${burstProduct.p50} ms, p99 ${burstProduct.p99} ms (${burstProduct.n} requests, ${mean(afterBurst.cmsProduct).toFixed(1)} CMS requests per burst); category page p50 ${burstCategory.p50} ms, p99 ${burstCategory.p99} ms (${burstCategory.n} requests, ${mean(afterBurst.cmsCategory).toFixed(1)} CMS requests per burst).`,
    '',
    `Target: first-byte p99 under ${TARGET_P99_MS} ms at c=${connections} for pages re-rendered after an invalidation. ${connections} at once after an edit: ${verdict('product page', burstProduct.p99)}; ${verdict('category page', burstCategory.p99)}. Steady state: ${steady
      .slice(0, 2)
      .map((r) => verdict(r.name, r.ttfb.p99))
      .join(
        '; ',
      )}. Under edits: ${underEdits.map((r) => verdict(r.name, r.ttfb.p99)).join('; ')}. Under sales: ${verdict(underSales.name, underSales.ttfb.p99)}.`,
    'Under sales, each sale sends `sku:<SKU>` and `inventory` (and `in-stock` only when a SKU sells out or comes back): the category page reads its in-stock badges under `in-stock`, so it should stay kept ("miss" near 0); "CMS req/view" excludes the sales themselves.',
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
