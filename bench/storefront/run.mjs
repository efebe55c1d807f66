#!/usr/bin/env node
// bench/storefront: time to first byte of a product page and a category page at 20 concurrent clients, warm.
// Starts the built CMS and storefront (standalone server) with the demo catalogue (tests/e2e/stack.ts), then for each target runs
// autocannon (req/s, and latency to the last byte) and a node:http client that times the first byte.
// Baselines in the same run: the storefront's /api/health route and a trivial node:http server in its own process.
// Usage: npm run bench:storefront [-- seconds]   (TEST_DATABASE_URL=postgres://… for PostgreSQL)
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import http from 'node:http'
import os from 'node:os'

import { seededCatalogue } from '../../tests/e2e/catalogue.ts'
import { cmsClient } from '../../tests/e2e/cmsClient.ts'
import { startStack } from '../../tests/e2e/stack.ts'
import { freePort } from '../../tests/helpers/smtp.ts'
import { appendResults } from '../lib/results.mjs'

const seconds = Number(process.argv[2] ?? 10)
const connections = 20
const TARGET_P99_MS = 150

const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))])
const round = (ms) => Math.round(ms * 10) / 10

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

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')

const stack = await startStack()
const baseline = await trivialServer()
try {
  const catalogue = await seededCatalogue(cmsClient(stack.cmsUrl))
  const targets = [
    ['product page', `/products/${catalogue.simpleProduct.product.slug}`],
    ['category page', catalogue.variantProduct.categoryPath],
    ['storefront /api/health (baseline)', '/api/health'],
  ].map(([name, path]) => ({ name, url: `${stack.storefrontUrl}${path}`, path }))
  targets.push({ name: 'node:http hello (baseline)', url: baseline.url, path: '(own process)' })

  for (const t of targets) {
    const res = await fetch(t.url)
    if (res.status !== 200) throw new Error(`${t.name} answered ${res.status}`)
    await autocannon({ url: t.url, connections, duration: 2 })
  }
  const loadBefore = loadAverage()
  const rows = []
  for (const t of targets) {
    const ttfb = await firstByte(t.url, seconds)
    const full = await lastByte(t.url, seconds)
    rows.push({ ...t, ttfb, full })
    console.log(
      `${t.name}: first byte p50 ${ttfb.p50} ms, p99 ${ttfb.p99} ms (${ttfb.n} requests); autocannon ${full.rps} req/s, p50 ${full.p50} ms, p99 ${full.p99} ms`,
    )
  }
  const loadAfter = loadAverage()

  const cpus = os.cpus()
  const pages = rows.slice(0, 2)
  appendResults('Storefront TTFB', [
    `Run ${new Date().toISOString()} with \`npm run bench:storefront\` (\`tsx bench/storefront/run.mjs [seconds]\`): the built storefront (its standalone server, as deployed) and CMS (\`src/server/main.ts\`) on 127.0.0.1, demo catalogue on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, ${connections} concurrent keep-alive clients, ${seconds} s per measurement after a warm-up (pages already rendered and cached).`,
    `Machine: nproc ${cpus.length}, ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB memory, Node ${process.version}. Load average (1/5/15 min) ${loadBefore} before and ${loadAfter} after: other builds and tests share these cores, and the load generator runs on the same machine.`,
    '',
    '| target | path | first byte p50 / p99 ms | requests | autocannon req/s | autocannon p50 / p99 ms (last byte) | failed |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | \`${r.path}\` | ${r.ttfb.p50} / ${r.ttfb.p99} | ${r.ttfb.n} | ${r.full.rps} | ${r.full.p50} / ${r.full.p99} | ${r.ttfb.failed + r.full.failed} |`,
    ),
    '',
    `Target: first-byte p99 under ${TARGET_P99_MS} ms at c=${connections}. ${pages.map((r) => `${r.name}: ${r.ttfb.p99} ms, ${r.ttfb.p99 < TARGET_P99_MS ? 'met' : '**missed**'}`).join('; ')}.`,
    'First byte is timed by a node:http client (request written → response head received); autocannon reports the time to the whole response.',
    "Product and category pages are answered from Next's page cache (ISR hits). /api/health runs a trivial route handler on every request, so it shows Next's own per-request cost; the node:http line shows what the machine and the load generator allow.",
  ])
} finally {
  baseline.stop()
  await stack.stop()
}
process.exit(0)
