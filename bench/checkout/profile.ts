// bench/checkout/profile.ts: where a checkout's time goes, in process and without Next's server (the built server's
// bundle is minified, so its profile cannot name Payload's parts). Payload's own REST route handler (what Next's route
// calls) places checkouts on a fresh PostgreSQL database, CONCURRENCY at a time for SECONDS, with every SQL statement
// counted and timed at the pg client (transactions included) and the V8 profiler on. Prints orders/s, statements and
// SQL time per checkout, and the CPU profile's parts per checkout. Usage (BENCH_CMS_DIR profiles another checkout of
// the project, e.g. a worktree of main, with this script's measuring code):
//   npx tsx --conditions=production bench/checkout/profile.ts [seconds] [concurrency]
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { loadavg } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { createDatabase, dropDatabase } from '../lib/cms.mjs'
import { partsTable, PARTS, profileParts, type CpuProfile, type Part } from '../read/profileParts'

const seconds = Number(process.argv[2] ?? 10)
const concurrency = Number(process.argv[3] ?? 10)
const dir = path.resolve(process.env.BENCH_CMS_DIR ?? path.join(import.meta.dirname, '../..'))
const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const dbName = `ir_bench_checkout_profile_${process.pid}`
const url = await createDatabase(server, dbName)
Object.assign(process.env, {
  DATABASE_URL: url,
  APP_ENV: 'development',
  PAYLOAD_SECRET: 'benchmark-secret-0123456789abcdef0123456789',
  LOG_LEVEL: 'warn',
  RUN_JOBS_IN_PROCESS: 'false',
  PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true',
})
if (spawnSync('npm', ['run', '--silent', 'migrate'], { cwd: dir, env: process.env, stdio: 'inherit' }).status !== 0) throw new Error('migration failed')

const { getPayload } = await import(path.join(dir, 'node_modules/payload/dist/index.js'))
const config = (await import(path.join(dir, 'payload.config.ts'))).default
const payload = await getPayload({ config })

// Every statement, in or out of a transaction, goes through the pool's Client class.
type Client = { prototype: { query: (...args: unknown[]) => unknown } }
const ClientClass = (payload.db as unknown as { pool: { Client: Client } }).pool.Client
const statements: { text: string; ms: number }[] = []
let counting = false
const query = ClientClass.prototype.query
ClientClass.prototype.query = function (this: unknown, ...args: unknown[]) {
  if (!counting) return query.apply(this, args)
  const first = args[0] as string | { text?: string }
  const entry = { text: typeof first === 'string' ? first : (first?.text ?? '?'), ms: 0 }
  statements.push(entry)
  const started = performance.now()
  const done = () => void (entry.ms = performance.now() - started)
  // The pool's own query() passes a callback; drizzle's transactions await a promise.
  const last = args.length - 1
  const callback = args[last]
  if (typeof callback === 'function') {
    args[last] = (...answer: unknown[]) => {
      done()
      return (callback as (...a: unknown[]) => unknown)(...answer)
    }
  }
  const result = query.apply(this, args) as Promise<unknown> | undefined
  if (result && typeof result.then === 'function') result.then(done, done)
  return result
}

type Handler = (req: Request, ctx?: { params: Promise<{ slug: string[] }> }) => Promise<Response>
const routes = await import(path.join(dir, 'node_modules/@payloadcms/next/dist/exports/routes.js'))
const restPost = routes.REST_POST(config) as unknown as Handler
const base = 'http://127.0.0.1:8400'
const skus = Array.from({ length: 20 }, (_, i) => `PROF-P${i}`)
for (const sku of skus) {
  await payload.create({ collection: 'products', data: { title: `Bench ${sku}`, price: 1000, sku, _status: 'published' }, overrideAccess: true })
}
await payload.db.drizzle.execute(`UPDATE inventory SET available = 1000000 WHERE sku LIKE 'PROF-P%'`)

let n = 0
const address = { name: 'Bench Shopper', line1: '1 Tavern Street', city: 'Ipswich', postcode: 'IP1 3AA', country: 'GB' }
async function checkout(): Promise<void> {
  const i = ++n
  const body = {
    items: [
      { sku: skus[i % skus.length], quantity: 1 + (i % 2) },
      { sku: skus[(i * 7 + 3) % skus.length], quantity: 1 },
    ],
    email: `bench${i}@example.com`,
    shippingAddress: address,
    paymentMethod: 'test-card',
    card: { number: '4242424242424242' },
  }
  const res = await restPost(
    new Request(`${base}/api/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `profile-${process.pid}-${i}` },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug: ['checkout'] }) },
  )
  if (res.status !== 201) throw new Error(`checkout: ${res.status} ${await res.text()}`)
  await res.arrayBuffer()
}

async function load(forMs: number): Promise<number> {
  const until = performance.now() + forMs
  let done = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await checkout()
        done++
      }
    }),
  )
  return done
}

await load(3000) // warm-up
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 200 })
statements.length = 0
counting = true
await session.post('Profiler.start')
const started = performance.now()
const cpuBefore = process.cpuUsage()
const orders = await load(seconds * 1000)
const cpu = process.cpuUsage(cpuBefore)
const elapsed = performance.now() - started
const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile }
counting = false
if (process.env.BENCH_PROFILE_OUT) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(profile))

const shapes = new Map<string, { n: number; ms: number }>()
for (const s of statements) {
  const shape = s.text.replace(/\$\d+/g, '?').replace(/\s+/g, ' ').slice(0, 120)
  const seen = shapes.get(shape) ?? { n: 0, ms: 0 }
  shapes.set(shape, { n: seen.n + 1, ms: seen.ms + s.ms })
}
const sqlMs = statements.reduce((sum, s) => sum + s.ms, 0)
console.log(
  `\n### ${dir}: ${orders} checkouts in ${(elapsed / 1000).toFixed(1)} s = ${((orders * 1000) / elapsed).toFixed(1)} orders/s at ${concurrency} at a time`,
)
console.log(
  `${(statements.length / orders).toFixed(1)} SQL statements per checkout, ${(sqlMs / orders).toFixed(2)} ms of SQL (wall, overlapping) per checkout:\n`,
)
// The process's own CPU time (every thread, user and system): the profile's busy samples also count time the main
// thread was runnable but descheduled, which a loaded machine inflates.
console.log(
  `process CPU per checkout: ${((cpu.user + cpu.system) / 1000 / orders).toFixed(2)} ms (user ${(cpu.user / 1000 / orders).toFixed(2)}, system ${(cpu.system / 1000 / orders).toFixed(2)}); load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`,
)
console.log('| statement | per checkout | ms each (wall) |\n| --- | --- | --- |')
for (const [shape, v] of [...shapes].sort((a, b) => b[1].n - a[1].n)) {
  console.log(`| \`${shape.replace(/\|/g, '\\|')}…\` | ${(v.n / orders).toFixed(2)} | ${(v.ms / v.n).toFixed(2)} |`)
}
console.log('')
const parts: Part[] = [
  ...PARTS,
  ['Payload operations (create, find, update, delete)', (u) => u.includes('/payload/dist/collections/operations/')],
  ['Payload field traversal (validation, before/after hooks)', (u) => u.includes('/payload/dist/fields/')],
  ['Payload jobs queue', (u) => u.includes('/payload/dist/queues/')],
  ['Payload REST handler, request and auth', (u) => /\/payload\/dist\/(utilities\/(createPayloadRequest|handleEndpoints)|auth\/)/.test(u)],
  ['zod (checkout input)', (u) => u.includes('/zod/')],
  ['our checkout code (src/commerce, src/infra/commerce, src/endpoints)', (u) => /\/src\/(commerce|infra\/commerce|endpoints)\//.test(u)],
  ['our events and their subscribers (src/infra/events, cache, dashboard)', (u) => /\/src\/infra\/(events|cache|dashboard)/.test(u)],
]
// Only the samples of the load: stopping the profiler serialises the profile on this thread (native `dispatch`).
const loadEnd = profile.startTime + elapsed * 1000
for (const line of partsTable(profileParts(profile, -Infinity, loadEnd, parts), orders, parts)) console.log(line)
await payload.destroy?.()
await dropDatabase(server, dbName).catch(() => {})
process.exit(0)
