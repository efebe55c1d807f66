#!/usr/bin/env node
// Summarises a V8 .cpuprofile of the storefront (bench/storefront with STOREFRONT_CPU_PROFILE=<dir>): self time by area
// (React's server renderers, Next's app render, middleware, the fetch/data cache, JSON, GC, idle…) and the top functions.
// Usage: node bench/storefront/profile-summary.mjs <file.cpuprofile> [top]
import { readFileSync } from 'node:fs'

const [file, topArg] = process.argv.slice(2)
if (!file) {
  console.error('usage: node bench/storefront/profile-summary.mjs <file.cpuprofile> [top]')
  process.exit(2)
}
const top = Number(topArg ?? 25)
const profile = JSON.parse(readFileSync(file, 'utf8'))

// Self time per node: samples × their intervals.
const selfUs = new Map()
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i + 1] ?? 0
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt)
}

// Ordered: the first area whose test matches a frame's URL (or function name) gets its self time.
const AREAS = [
  ['idle', (url, fn) => fn === '(idle)'],
  ['garbage collection', (url, fn) => fn === '(garbage collector)'],
  ['program (native, unattributed)', (url, fn) => fn === '(program)'],
  // Next bundles React's RSC and HTML renderers with its app render into one runtime file.
  ['React + Next app-page runtime (RSC and HTML render)', (url) => /app-page\.runtime|react-server-dom|react-dom.*server|compiled\/react/.test(url)],
  ['AsyncLocalStorage / async_hooks (promise hooks)', (url) => /async_hooks/.test(url)],
  ['AbortSignal (per request and per fetch)', (url) => /abort_controller|js_transferable/.test(url)],
  ['middleware (edge sandbox)', (url) => /middleware|edge-runtime|web\/sandbox|next\/dist\/compiled\/edge/.test(url)],
  ['fetch and data cache', (url) => /patch-fetch|incremental-cache|file-system-cache|undici|dedupe-fetch|lru-cache|tags-manifest/.test(url)],
  ['Next app render and router', (url) => /next\/dist\/server\/(app-render|route-modules|stream-utils|render|base-server|next-server|lib\/router)/.test(url)],
  ['Next other', (url) => /next\/dist\//.test(url)],
  ['storefront code (chunks)', (url) => /\.next\/server\/(app|chunks)/.test(url)],
  ['Node internals', (url) => /^node:|^internal\//.test(url)],
  ['native / builtins (no URL)', (url) => url === ''],
  ['other', () => true],
]

const byArea = new Map()
const byFunction = new Map()
let total = 0
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0
  if (us === 0) continue
  total += us
  const { url, functionName, lineNumber } = node.callFrame
  const area = AREAS.find(([, test]) => test(url, functionName))[0]
  byArea.set(area, (byArea.get(area) ?? 0) + us)
  const short = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/storefront\//, 'storefront/')
  const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`
  byFunction.set(key, (byFunction.get(key) ?? 0) + us)
}

const ms = (us) => (us / 1000).toFixed(0)
const pct = (us) => ((100 * us) / total).toFixed(1)
const busy = total - (byArea.get('idle') ?? 0)
console.log(`${file}: ${ms(total)} ms sampled, ${ms(busy)} ms busy (${pct(busy)} %)`)
console.log('\n| area | self ms | % of sampled | % of busy |\n| --- | --- | --- | --- |')
for (const [area, us] of [...byArea].sort((a, b) => b[1] - a[1]))
  console.log(`| ${area} | ${ms(us)} | ${pct(us)} | ${area === 'idle' ? '—' : ((100 * us) / busy).toFixed(1)} |`)
console.log(`\nTop ${top} functions by self time:`)
for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us).padStart(7)} ms ${pct(us).padStart(5)} %  ${key}`)
