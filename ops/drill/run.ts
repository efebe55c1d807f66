// npm run drill: several CMS instances, a worker and a scheduler on one PostgreSQL, Redis and S3 store, behind a load
// balancer, under mixed load, while faults are injected one after another (ops/drill/README.md). Prints a table and
// exits non-zero when an accepted order is lost, stock and ledger disagree, an email is missing, a fault does not
// recover or a fault went unexercised (a phase with no order accepted, a worker killed with no job in hand), or when
// the real storefront never shows an edit. Everything listens on 127.0.0.1, on free ports, in a temporary folder; it stops within DRILL_MAX_SECONDS.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import sharp from 'sharp'

import { startInstance, startS3, type Instance } from '../../tests/helpers/cluster'
import { freePort, startSmtpServer, type TestMailServer } from '../../tests/helpers/smtp'
import { sentBeforeItsRecord, type KilledWorker } from './duplicates'
import { Load } from './load'
import {
  exited,
  haproxyInstalled,
  redisServer,
  startHaproxy,
  startNode,
  startNodeBalancer,
  startPostgres,
  startStorefront,
  storefrontBuilt,
  waitForPort,
} from './services'
import { printTable, type FaultResult } from './table'

const root = path.resolve(import.meta.dirname, '../..')
const started = Date.now()
const MAX_MS = Number(process.env.DRILL_MAX_SECONDS ?? 360) * 1000
const OUTAGE_MS = Number(process.env.DRILL_OUTAGE_SECONDS ?? 30) * 1000
// Requests per second offered through the balancer (0: as many as the machine serves). See ops/drill/README.md.
const RATE = Number(process.env.DRILL_RATE ?? 30)
const log = (msg: string) => console.log(`[drill ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** The order number a confirmation email is for, or null for any other mail. */
const confirmedOrder = (subject: string | undefined) => /^Thank you for your order (\S+)/.exec(subject ?? '')?.[1] ?? null
const PHASES = [
  'warm-up',
  'kill -9 one CMS instance',
  'PostgreSQL restart',
  `Redis stopped ${OUTAGE_MS / 1000} s`,
  `SMTP down ${OUTAGE_MS / 1000} s`,
  'worker killed with jobs in hand',
]
// The worker's SMTP connections (nodemailer's pool, its default size made explicit in SMTP_URL).
const MAIL_POOL_CONNECTIONS = 5
// Few, so setting the shop up stays short on a busy machine; two are enough for the load's one or two checkouts in flight.
const SKUS_PER_PHASE = 2

const work = mkdtempSync(path.join(tmpdir(), 'ir-drill-'))
// PostgreSQL runs as its own user when the drill runs as root: it must reach its folder inside this one.
chmodSync(work, 0o755)
const cleanups: (() => Promise<void> | void)[] = []
// What the table shows if the drill is stopped at its time limit.
let partial: (() => void) | null = null
let overTime = false
// The killed worker's process id and when it was killed: a duplicate it sent but could not record is told apart.
let killedWorker: KilledWorker | null = null
const hardStop = setTimeout(() => {
  overTime = true
  console.error(`drill: over ${MAX_MS / 1000} s, stopping`)
  partial?.()
  void shutdown().finally(() => process.exit(2))
}, MAX_MS)
hardStop.unref()

async function shutdown() {
  for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined)
  if (!process.env.DRILL_KEEP) rmSync(work, { recursive: true, force: true })
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number): Promise<{ value: T; ms: number; ok: boolean }> {
  const from = Date.now()
  let value = await read()
  while (!done(value) && Date.now() - from < timeoutMs) {
    await sleep(200)
    value = await read().catch(() => value)
  }
  return { value, ms: Date.now() - from, ok: done(value) }
}

// Setting the shop up may wait on instances still warming up on a busy machine; probes answer within 15 s or count as down.
async function api(url: string, pathname: string, init: RequestInit & { token?: string; json?: unknown; timeoutMs?: number } = {}) {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('authorization', `JWT ${init.token}`)
  if (init.json !== undefined) headers.set('content-type', 'application/json')
  const res = await fetch(`${url}${pathname}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body, signal: AbortSignal.timeout(init.timeoutMs ?? 15_000) })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : undefined }
}

/** Every line of the processes' logs in the drill's folder, each prefixed with its log's name. */
function readLogLines(): string[] {
  return readdirSync(work)
    .filter((f) => f.endsWith('.log'))
    .flatMap((name) => readFileSync(path.join(work, name), 'utf8').split('\n').map((line) => `${name}: ${line.slice(0, 400)}`))
}

async function main() {
  // ---- services
  const pgPort = await freePort()
  const postgres = startPostgres(path.join(work, 'pg'), pgPort)
  cleanups.push(() => postgres.stop())
  log(`PostgreSQL on ${pgPort}`)
  const redis = redisServer(await freePort(), path.join(work, 'redis.log'))
  await redis.start()
  cleanups.push(() => redis.stop())
  const s3 = await startS3()
  cleanups.push(() => s3.close())
  const smtpPort = await freePort()
  let smtp: TestMailServer = await startSmtpServer(smtpPort)
  const mails: TestMailServer['mails'] = []
  // The order numbers confirmed so far, kept as mails arrive: the recovery checks ask every 50 ms, and scanning every
  // mail for every order each time took a share of the CPU the worker needs.
  const confirmed = new Set<string>()
  // When each Message-ID arrived (ms since the epoch), for the account of a duplicate.
  const arrivals = new Map<string, number[]>()
  const keepMails = (server: TestMailServer) => {
    server.mails.push = (...m) => {
      for (const mail of m) {
        const number = confirmedOrder(mail.subject)
        if (number) confirmed.add(number)
        const id = mail.messageId ?? ''
        arrivals.set(id, [...(arrivals.get(id) ?? []), Date.now()])
      }
      return mails.push(...m)
    }
  }
  keepMails(smtp)
  cleanups.push(() => smtp.crash())

  // The real storefront (its standalone build) checks one edit before the load, then stops; revalidations sent later
  // are refused at its port, as when a storefront is down.
  const storefrontPort = await freePort()
  const lbPort = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_ENV: 'development',
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-deprecation',
    DATABASE_URL: postgres.url,
    DB_PUSH: 'false',
    DB_POOL_MAX: '8',
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: 'drill:',
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}/?pool=true&maxConnections=${MAIL_POOL_CONNECTIONS}`,
    PAYLOAD_SECRET: 'drill-secret-0123456789abcdef0123456789',
    REVALIDATE_SECRET: 'drill-revalidate-0123456789abcdef01234',
    STOREFRONT_URL: `http://127.0.0.1:${storefrontPort}`,
    DATA_DIR: path.join(work, 'data'),
    MEDIA_DIR: path.join(work, 'media'),
    LOG_LEVEL: 'warn',
    RUN_JOBS_IN_PROCESS: 'false',
    WORKER_POLL_MS: '300',
    // Retries back off from 200 ms (doubling): a job failing through a 30 s outage is tried again within ~20 s of its end.
    JOB_RETRY_DELAY_MS: '200',
    WORKER_LEASE_MS: '15000',
    JOB_RETRY_ATTEMPTS: '10',
    RATE_LIMIT_LOGIN: '100000',
    RATE_LIMIT_CHECKOUT: '100000',
    RATE_LIMIT_QUOTE: '100000',
    PAYMENT_METHODS: 'manual,test-card',
    PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true',
    WORKER_METRICS_PORT: '0',
  }
  mkdirSync(env.DATA_DIR!, { recursive: true })

  // ---- app processes
  // The CMS instances load their modules while the migrations run (most of their start-up on a busy machine), and
  // connect once the migrations are done (the file `migrated` says so).
  const ports = [await freePort(), await freePort()]
  const migrated = path.join(work, 'migrated')
  log('migrations; two CMS instances loading meanwhile')
  const migrate = startNode(work, 'migrate', 'scripts/migrate.ts', env)
  const startCms = (i: number, args: string[] = []) =>
    startInstance(`cms ${i + 1}`, env, ['--no-jobs', '--port', String(ports[i]), ...args], 240_000, path.join(work, `cms-${i + 1}.log`))
  const starting = [startCms(0, ['--after-file', migrated]), startCms(1, ['--after-file', migrated])]
  const migrateCode = await exited(migrate)
  writeFileSync(migrated, migrateCode === 0 ? 'ok' : 'failed')
  if (migrateCode !== 0) {
    await Promise.allSettled(starting)
    throw new Error(`migrations failed: see ${work}/migrate.log`)
  }
  log('migrated; a worker and a scheduler')
  // The worker at info, so its log names every email it sends (the account of a duplicate reads it).
  const workerEnv = { ...env, LOG_LEVEL: 'info' }
  let worker = startNode(work, 'worker', 'src/jobs/worker.ts', workerEnv)
  const scheduler = startNode(work, 'scheduler', 'src/jobs/scheduler.ts', env)
  cleanups.push(() => void worker.kill('SIGKILL'), () => void scheduler.kill('SIGKILL'))
  const instances: Instance[] = await Promise.all(starting)
  cleanups.push(() => Promise.all(instances.map((i) => i.stop())).then(() => undefined))
  const storefront = process.env.DRILL_STOREFRONT !== 'skip' && storefrontBuilt(root) ? startStorefront(work, root, storefrontPort, { CMS_URL: `http://127.0.0.1:${lbPort}`, REVALIDATE_SECRET: env.REVALIDATE_SECRET! }) : null
  if (storefront) cleanups.push(() => void storefront.kill('SIGKILL'))
  else if (process.env.DRILL_STOREFRONT === 'required') throw new Error('no storefront build (storefront/.next/standalone): build it first (cd storefront && npm run build)')
  // Debian's HAProxy, or a node:http round robin where it is not installed.
  const lb = haproxyInstalled() ? startHaproxy(work, lbPort, ports) : await startNodeBalancer(lbPort, ports)
  cleanups.push(() => void lb.kill())
  await waitForPort(lbPort, 10_000)
  const url = `http://127.0.0.1:${lbPort}`
  log(`${haproxyInstalled() ? 'HAProxy' : 'node:http balancer'} on ${lbPort} → ${ports.join(', ')}`)

  // ---- the shop
  const admin = { email: 'drill-admin@example.com', password: 'drill-admin-password-1' }
  const first = await api(url, '/api/users/first-register', { method: 'POST', json: { ...admin, roles: ['admin'] }, timeoutMs: 60_000 })
  const login = first.json?.token ? first : await api(url, '/api/users/login', { method: 'POST', json: admin, timeoutMs: 60_000 })
  const token = login.json.token as string
  await api(url, '/api/globals/store-settings', {
    method: 'POST',
    timeoutMs: 60_000,
    token,
    json: { storeName: 'Drill', vatRate: 20, shipping: { flatRate: 395, freeOver: 5000, countries: ['GB'] }, reservationMinutes: 30 },
  })
  // Each phase sells its own SKUs, stocked as it begins (stockPhase below), so no fault meets a sold-out shop.
  const phaseSkus = PHASES.map((_, p) => Array.from({ length: SKUS_PER_PHASE }, (_, i) => `DRILL-${p + 1}-${i + 1}`))
  const products: { id: number | string; slug: string; title: string }[] = []
  await Promise.all(
    phaseSkus.flat().map(async (sku, i) => {
      const title = `Drill product ${sku}`
      const product = await api(url, '/api/products', { method: 'POST', token, json: { title, price: 1000 + (i % 8) * 100, sku, _status: 'published' }, timeoutMs: 60_000 })
      if (product.status !== 201) throw new Error(`creating ${sku}: ${product.status} ${JSON.stringify(product.json)}`)
      products.push({ id: product.json.doc.id, slug: product.json.doc.slug, title })
    }),
  )
  const productIds = products.map((p) => p.id)
  const skus = phaseSkus[0]

  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer()
  const db = new pg.Pool({ connectionString: postgres.url, max: 2 })
  db.on('error', () => undefined)
  cleanups.push(() => db.end())

  const load = new Load({ url, token, skus, productIds, png }, Number(process.env.DRILL_CONCURRENCY ?? 6))
  const faults: FaultResult[] = []
  const stocked = new Map<string, number>()
  const failures: string[] = []
  let storefrontResult = storefront ? 'not measured (time limit)' : 'not checked: no storefront build (storefront/.next/standalone)'
  partial = () =>
    printTable(load.phases, stocked, faults, {
      accepted: load.accepted.size,
      inDatabase: -1,
      lost: -1,
      ledgerRows: -1,
      drift: -1,
      emails: mails.filter((m) => confirmedOrder(m.subject) !== null).length,
      missingEmails: -1,
      duplicates: -1,
      inFlightAtKill: -1,
      duplicateOrders: -1,
      strays: -1,
      storefront: storefrontResult,
      seconds: Math.round((Date.now() - started) / 1000),
    })

  /**
   * Stocks a phase's own SKUs for twice the most units per second any phase has sold so far (at least 20), over the
   * longest the phase can last (`seconds`): the phase should never sell out.
   */
  async function stockPhase(p: number, seconds: number) {
    const perSku = Math.max(150, Math.ceil((2 * Math.max(20, load.peakUnitsPerSecond()) * seconds) / SKUS_PER_PHASE))
    await Promise.all(
      phaseSkus[p].map(async (sku) => {
        const res = await api(url, '/api/inventory/adjust', { method: 'POST', token, json: { sku, delta: perSku, reason: `Drill stock for ${PHASES[p]}` }, timeoutMs: 60_000 })
        if (res.status !== 200) throw new Error(`stocking ${sku}: ${res.status} ${JSON.stringify(res.json)}`)
      }),
    )
    return perSku * SKUS_PER_PHASE
  }

  const probe = async () => {
    const read = await api(url, `/api/products?limit=1&depth=0&probe=${Date.now()}`).catch(() => ({ status: 0 }))
    const quote = await api(url, '/api/cart/quote', { method: 'POST', json: { items: [{ sku: skus[0], quantity: 1 }] } }).catch(() => ({ status: 0 }))
    return read.status === 200 && quote.status === 200
  }
  const drift = async () => {
    const { rows } = await db.query(
      `SELECT i.sku, i.available, coalesce((SELECT sum(change) FROM stock_movements m WHERE m.sku = i.sku), 0) AS ledger, i.available < 0 AS negative FROM inventory i`,
    )
    const off = rows.filter((r) => Number(r.available) !== Number(r.ledger) || r.negative)
    // Which SKUs, for whoever reads the log after a failure.
    for (const r of off) log(`  stock off the ledger: ${r.sku} available ${r.available}, ledger sum ${r.ledger}`)
    return off.reduce((n, r) => n + Math.abs(Number(r.available) - Number(r.ledger)) + (r.negative ? 1 : 0), 0)
  }
  // The orders accepted so far (an email fault has recovered once these are mailed; later orders keep coming).
  let owed: string[] = []
  const owedMailed = async () => owed.every((n) => confirmed.has(n))
  const confirmationsMissing = () => [...load.accepted.keys()].filter((n) => !confirmed.has(n)).length

  // Before the load: an edit through instance A reaches B's cached reads and the real storefront's product page.
  if (storefront) {
    const seen = await storefrontSees(products[0], `http://127.0.0.1:${ports[0]}`, `http://127.0.0.1:${ports[1]}`)
    storefrontResult = seen.text
    if (!seen.ok) failures.push(`the storefront did not show an edit made through instance A: ${seen.text}`)
    log(`storefront: ${seen.text}`)
    storefront.kill('SIGKILL')
  }

  async function storefrontSees(product: (typeof products)[number], a: string, b: string): Promise<{ ok: boolean; text: string }> {
    const page = `http://127.0.0.1:${storefrontPort}/products/${product.slug}`
    // Unanswered (still starting, or slower than 30 s on a busy machine) reads as a page without the title.
    const pageText = () =>
      fetch(page, { signal: AbortSignal.timeout(30_000) })
        .then((r) => r.text())
        .catch(() => '')
    const readOnB = () => api(b, `/api/products?where[slug][equals]=${product.slug}&depth=0`).then((r) => r.json?.docs?.[0]?.title as string | undefined)
    await waitForPort(storefrontPort, 30_000)
    const shown = await until(pageText, (html) => html.includes(product.title), 60_000)
    if (!shown.ok) return { ok: false, text: `its product page never showed ${product.title}` }
    const renderFrom = Date.now()
    await pageText() // its CMS reads now cached
    const renderMs = Date.now() - renderFrom
    await readOnB()
    const title = `${product.title} edited on A ${Date.now()}`
    const edit = await api(a, `/api/products/${product.id}`, { method: 'PATCH', token, json: { title } })
    if (edit.status !== 200) return { ok: false, text: `the edit through A answered ${edit.status}` }
    product.title = title
    const onB = watch(readOnB, (t) => t === title)
    const onPage = watch(pageText, (html) => html.includes(title))
    const [bMs, pageMs] = await Promise.all([onB, onPage])
    const ms = (v: number | null) => (v === null ? 'not within 10 s' : `${v} ms`)
    const text = `storefront page ${ms(pageMs)} (one render of it from cache: ${renderMs} ms), instance B's cached read ${ms(bMs)} (target 1 s)`
    return { ok: pageMs !== null && bMs !== null, text }
  }

  /** Asks every 50 ms for up to 10 s; the milliseconds until `done` held, or null. */
  async function watch<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<number | null> {
    const from = Date.now()
    while (Date.now() - from < 10_000) {
      if (done(await read().catch(() => undefined as T))) return Date.now() - from
      await sleep(50)
    }
    return null
  }

  async function fault(p: number, inject: () => Promise<string | void>, recovered: () => Promise<boolean>, windowMs: number) {
    const name = PHASES[p]
    const recoverBoundMs = Math.max(60_000, windowMs)
    stocked.set(name, await stockPhase(p, (windowMs + recoverBoundMs) / 1000 + 10))
    load.setPhase(name, phaseSkus[p])
    log(`fault: ${name}`)
    const at = Date.now()
    const note = (await inject()) ?? undefined
    const r = await until(recovered, (ok) => ok, recoverBoundMs)
    const rest = windowMs - (Date.now() - at)
    if (rest > 0) await sleep(rest)
    faults.push({ name, recoverMs: r.ok ? r.ms : null, drift: await drift().catch(() => -1), note })
    log(`  recovered: ${r.ok ? `${(r.ms / 1000).toFixed(1)} s` : 'NO'}`)
  }

  stocked.set(PHASES[0], await stockPhase(0, 10))
  load.setPhase(PHASES[0], phaseSkus[0])
  load.start(RATE)
  log(RATE > 0 ? `load: ${RATE} requests/s offered over ${load.width} loops` : `load: ${load.width} loops, unpaced`)
  await sleep(5_000)

  await fault(
    1,
    async () => {
      instances[0].child.kill('SIGKILL')
      // Started again in the background; the survivor, the worker and the scheduler are left alone.
      void startCms(0).then((i) => (instances[0] = i))
    },
    probe,
    15_000,
  )
  await fault(2, async () => postgres.restart(), probe, 15_000)
  await fault(
    3,
    async () => {
      await redis.stop()
      await sleep(OUTAGE_MS)
      await redis.start()
    },
    async () => {
      const ready = await Promise.all(ports.map((p) => api(`http://127.0.0.1:${p}`, '/api/health/ready').catch(() => ({ status: 0 }))))
      return ready.every((r) => r.status === 200)
    },
    OUTAGE_MS + 5_000,
  )
  await fault(
    4,
    async () => {
      // Down at once, as when the mail server's process dies: a graceful close would keep serving open connections
      // for its 30 s grace, then answer 421 to a message it had already kept (a duplicate made by the test server).
      await smtp.crash()
      await sleep(OUTAGE_MS)
      smtp = await startSmtpServer(smtpPort)
      keepMails(smtp)
      owed = [...load.accepted.keys()]
    },
    owedMailed,
    OUTAGE_MS + 5_000,
  )
  await fault(
    5,
    async () => {
      // A burst of checkouts queues emails; the worker is killed as soon as it has marked some of them running.
      const burst = Promise.all(Array.from({ length: 30 }, () => load.checkout()))
      const running = async () => Number((await db.query('SELECT count(*) AS n FROM payload_jobs WHERE processing')).rows[0].n)
      const from = Date.now()
      let inHand = 0
      while (inHand === 0 && Date.now() - from < 15_000) {
        inHand = await running().catch(() => 0)
        if (inHand === 0) await sleep(20)
      }
      killedWorker = { pid: worker.pid ?? -1, at: Date.now(), restartedAt: Infinity }
      worker.kill('SIGKILL')
      log(`  worker killed with ${inHand} job(s) marked running`)
      if (inHand === 0) failures.push('the worker was killed with no job in hand: that fault went unexercised')
      await burst
      killedWorker.restartedAt = Date.now()
      worker = startNode(work, 'worker', 'src/jobs/worker.ts', workerEnv)
      owed = [...load.accepted.keys()]
      return `killed with ${inHand} job(s) marked running`
    },
    owedMailed,
    10_000,
  )
  load.setPhase('after')
  await load.stop()
  // Everything accepted by now gets its email within a bound.
  await until(
    async () => confirmationsMissing(),
    (n) => n === 0,
    Math.max(10_000, MAX_MS - (Date.now() - started) - 20_000),
  )

  const stored = await db.query('SELECT order_number FROM orders')
  const storedNumbers = new Set(stored.rows.map((r) => String(r.order_number)))
  const ledgerRows = Number((await db.query('SELECT count(*) AS n FROM stock_movements WHERE order_id IS NOT NULL')).rows[0].n)
  const confirmations = mails.filter((m) => confirmedOrder(m.subject) !== null)
  const ids = confirmations.map((m) => m.messageId ?? '')
  const duplicates = ids.length - new Set(ids).size
  // Also by order number (a second confirmation under another Message-ID would be a duplicate too), and any
  // confirmation for an order the database does not hold.
  const numbers = confirmations.map((m) => confirmedOrder(m.subject)!)
  const duplicateOrders = numbers.length - new Set(numbers).size
  const strays = confirmations.filter((_, i) => !storedNumbers.has(numbers[i]))
  for (const m of strays) log(`  confirmation for an order not in the database: ${m.subject} ${m.messageId}`)
  const seenNumbers = new Set<string>()
  let inFlightAtKill = 0
  // Read once, and only when there is a duplicate to account for.
  let logLines: string[] | undefined
  for (const [i, m] of confirmations.entries()) {
    if (seenNumbers.has(numbers[i])) {
      const at = arrivals.get(m.messageId ?? '') ?? []
      log(`  a second confirmation for ${numbers[i]}: ${m.messageId}, arrivals at ${at.map((t) => `${((t - started) / 1000).toFixed(1)} s`).join(', ')}`)
      // What the worker and the instances said about it (src/infra/mailer.ts logs each send and each failure).
      logLines ??= readLogLines()
      const lines = logLines.filter((line) => line.includes(numbers[i]!)).slice(0, 30)
      for (const line of lines) log(`    ${line}`)
      if (sentBeforeItsRecord(at, lines, killedWorker)) inFlightAtKill++
    }
    seenNumbers.add(numbers[i])
  }
  if (inFlightAtKill > 0) {
    log(`  ${inFlightAtKill} of them: the mail server took them from the worker just before it was killed, and the worker died`)
    log(`  before it read the 250 and recorded them as sent (it never logged them), so the new worker sent them again`)
  }
  const lost = [...load.accepted.keys()].filter((n) => !storedNumbers.has(n)).length
  const summary = {
    accepted: load.accepted.size,
    inDatabase: stored.rows.length,
    lost,
    ledgerRows,
    drift: await drift(),
    emails: confirmations.length,
    missingEmails: confirmationsMissing(),
    duplicates,
    inFlightAtKill,
    duplicateOrders,
    strays: strays.length,
    storefront: storefrontResult,
    seconds: Math.round((Date.now() - started) / 1000),
  }
  printTable(load.phases, stocked, faults, summary)
  if (lost > 0) failures.push(`${lost} accepted order(s) missing from the database`)
  if (summary.drift !== 0) failures.push(`stock and ledger disagree by ${summary.drift}`)
  if (summary.missingEmails > 0) failures.push(`${summary.missingEmails} accepted order(s) without a confirmation`)
  // A duplicate SMTP itself allows after the kill is counted and reported, at most one per pooled connection (each
  // holds one message in flight); any other fails the drill, and so does one confirmation under two Message-IDs.
  if (inFlightAtKill > MAIL_POOL_CONNECTIONS) {
    failures.push(`${inFlightAtKill} confirmations in flight at the kill: more than the mail pool's ${MAIL_POOL_CONNECTIONS} connections can hold`)
  }
  if (duplicates - inFlightAtKill > 0 || duplicateOrders > duplicates) {
    failures.push(`duplicate confirmations: ${duplicates} by Message-ID (${inFlightAtKill} in flight at the kill), ${duplicateOrders} by order number`)
  }
  if (strays.length > 0) failures.push(`${strays.length} confirmation(s) for orders not in the database`)
  for (const f of faults) {
    if (f.recoverMs === null) failures.push(`${f.name}: not recovered`)
    if (f.drift !== 0) failures.push(`${f.name}: stock and ledger disagree by ${f.drift} after it`)
    if (!load.phases.get(f.name)?.accepted) failures.push(`${f.name}: no order accepted during the fault, so it went unexercised`)
  }
  for (const f of failures) console.error(`drill: FAILED: ${f}`)
  return failures.length > 0 ? 1 : 0
}

main()
  .then(async (code) => {
    if (overTime) return
    await shutdown()
    process.exit(code)
  })
  .catch(async (err) => {
    // Stopped at the time limit: what fails after that is the services going away, not a finding (exit 2 follows).
    if (overTime) return
    console.error(err)
    console.error(`drill: logs kept in ${work}`)
    process.env.DRILL_KEEP = '1'
    await shutdown()
    process.exit(1)
  })
