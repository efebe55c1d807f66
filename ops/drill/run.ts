// npm run drill: several CMS instances, a worker and a scheduler on one PostgreSQL, Redis and S3 store, behind a load
// balancer, under mixed load, while faults are injected one after another (ops/drill/README.md). Prints a table and
// exits non-zero when an accepted order is lost, stock and ledger disagree, an email is missing or a fault does not
// recover. Everything listens on 127.0.0.1, on free ports, in a temporary folder; it stops within DRILL_MAX_SECONDS.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import sharp from 'sharp'

import { startInstance, startS3, type Instance } from '../../tests/helpers/cluster'
import { freePort, startSmtpServer, type TestMailServer } from '../../tests/helpers/smtp'
import { Load } from './load'
import { exited, haproxyInstalled, redisServer, startHaproxy, startNode, startNodeBalancer, startPostgres, waitForPort } from './services'
import { printTable, type FaultResult } from './table'

const started = Date.now()
const MAX_MS = Number(process.env.DRILL_MAX_SECONDS ?? 360) * 1000
const OUTAGE_MS = Number(process.env.DRILL_OUTAGE_SECONDS ?? 30) * 1000
const log = (msg: string) => console.log(`[drill ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const work = mkdtempSync(path.join(tmpdir(), 'ir-drill-'))
// PostgreSQL runs as its own user when the drill runs as root: it must reach its folder inside this one.
chmodSync(work, 0o755)
const cleanups: (() => Promise<void> | void)[] = []
// What the table shows if the drill is stopped at its time limit.
let partial: (() => void) | null = null
const hardStop = setTimeout(() => {
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

async function api(url: string, pathname: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('authorization', `JWT ${init.token}`)
  if (init.json !== undefined) headers.set('content-type', 'application/json')
  const res = await fetch(`${url}${pathname}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body, signal: AbortSignal.timeout(15_000) })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : undefined }
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
  const keepMails = (server: TestMailServer) => {
    server.mails.push = (...m) => mails.push(...m)
  }
  keepMails(smtp)
  cleanups.push(() => smtp.close())

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
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PAYLOAD_SECRET: 'drill-secret-0123456789abcdef0123456789',
    REVALIDATE_SECRET: 'drill-revalidate-0123456789abcdef01234',
    STOREFRONT_URL: `http://127.0.0.1:${await freePort()}`,
    DATA_DIR: path.join(work, 'data'),
    MEDIA_DIR: path.join(work, 'media'),
    LOG_LEVEL: 'warn',
    RUN_JOBS_IN_PROCESS: 'false',
    WORKER_POLL_MS: '300',
    JOB_RETRY_DELAY_MS: '500',
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

  log('migrations')
  const migrate = startNode(work, 'migrate', 'scripts/migrate.ts', env)
  if ((await exited(migrate)) !== 0) throw new Error(`migrations failed: see ${work}/migrate.log`)

  // ---- app processes
  const ports = [await freePort(), await freePort()]
  log('two CMS instances, a worker and a scheduler')
  const startCms = (i: number) => startInstance(`cms ${i + 1}`, env, ['--no-jobs', '--port', String(ports[i])], 240_000, path.join(work, `cms-${i + 1}.log`))
  const instances: Instance[] = await Promise.all([startCms(0), startCms(1)])
  cleanups.push(() => Promise.all(instances.map((i) => i.stop())).then(() => undefined))
  let worker = startNode(work, 'worker', 'src/jobs/worker.ts', env)
  const scheduler = startNode(work, 'scheduler', 'src/jobs/scheduler.ts', env)
  cleanups.push(() => void worker.kill('SIGKILL'), () => void scheduler.kill('SIGKILL'))
  const lbPort = await freePort()
  // Debian's HAProxy, or a node:http round robin where it is not installed.
  const lb = haproxyInstalled() ? startHaproxy(work, lbPort, ports) : await startNodeBalancer(lbPort, ports)
  cleanups.push(() => void lb.kill())
  await waitForPort(lbPort, 10_000)
  const url = `http://127.0.0.1:${lbPort}`
  log(`${haproxyInstalled() ? 'HAProxy' : 'node:http balancer'} on ${lbPort} → ${ports.join(', ')}`)

  // ---- the shop
  const admin = { email: 'drill-admin@example.com', password: 'drill-admin-password-1' }
  const first = await api(url, '/api/users/first-register', { method: 'POST', json: { ...admin, roles: ['admin'] } })
  const login = first.json?.token ? first : await api(url, '/api/users/login', { method: 'POST', json: admin })
  const token = login.json.token as string
  await api(url, '/api/globals/store-settings', {
    method: 'POST',
    token,
    json: { storeName: 'Drill', vatRate: 20, shipping: { flatRate: 395, freeOver: 5000, countries: ['GB'] }, reservationMinutes: 30 },
  })
  const skus = Array.from({ length: 8 }, (_, i) => `DRILL-${i + 1}`)
  const productIds: (number | string)[] = []
  await Promise.all(
    skus.map(async (sku, i) => {
      const product = await api(url, '/api/products', { method: 'POST', token, json: { title: `Drill product ${i + 1}`, price: 1000 + i * 100, sku, _status: 'published' } })
      productIds.push(product.json.doc.id)
      await api(url, '/api/inventory/adjust', { method: 'POST', token, json: { sku, delta: 150, reason: 'Initial stock' } })
    }),
  )

  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer()
  const db = new pg.Pool({ connectionString: postgres.url, max: 2 })
  db.on('error', () => undefined)
  cleanups.push(() => db.end())

  const load = new Load({ url, token, skus, productIds, png }, Number(process.env.DRILL_CONCURRENCY ?? 6))
  const faults: FaultResult[] = []
  partial = () =>
    printTable(load.phases, faults, {
      accepted: load.accepted.size,
      inDatabase: -1,
      lost: -1,
      ledgerRows: -1,
      drift: -1,
      emails: mails.filter((m) => m.subject?.startsWith('Thank you for your order')).length,
      missingEmails: -1,
      duplicates: -1,
      seconds: Math.round((Date.now() - started) / 1000),
    })

  const probe = async () => {
    const read = await api(url, `/api/products?limit=1&depth=0&probe=${Date.now()}`).catch(() => ({ status: 0 }))
    const quote = await api(url, '/api/cart/quote', { method: 'POST', json: { items: [{ sku: skus[0], quantity: 1 }] } }).catch(() => ({ status: 0 }))
    return read.status === 200 && quote.status === 200
  }
  const drift = async () => {
    const { rows } = await db.query(
      `SELECT i.sku, i.available, coalesce((SELECT sum(change) FROM stock_movements m WHERE m.sku = i.sku), 0) AS ledger, i.available < 0 AS negative FROM inventory i`,
    )
    return rows.reduce((n, r) => n + Math.abs(Number(r.available) - Number(r.ledger)) + (r.negative ? 1 : 0), 0)
  }
  // The orders accepted so far (an email fault has recovered once these are mailed; later orders keep coming).
  let owed: string[] = []
  const owedMailed = async () => owed.every((n) => mails.some((m) => m.subject?.startsWith(`Thank you for your order ${n}`)))
  const confirmationsMissing = () => [...load.accepted.keys()].filter((n) => !mails.some((m) => m.subject?.startsWith(`Thank you for your order ${n}`))).length

  async function fault(name: string, inject: () => Promise<void>, recovered: () => Promise<boolean>, windowMs: number) {
    load.setPhase(name)
    log(`fault: ${name}`)
    const at = Date.now()
    await inject()
    const r = await until(recovered, (ok) => ok, Math.max(60_000, windowMs))
    const rest = windowMs - (Date.now() - at)
    if (rest > 0) await sleep(rest)
    faults.push({ name, recoverMs: r.ok ? r.ms : null, drift: await drift().catch(() => -1) })
    log(`  recovered: ${r.ok ? `${(r.ms / 1000).toFixed(1)} s` : 'NO'}`)
  }

  load.setPhase('warm-up')
  load.start()
  await sleep(5_000)

  await fault(
    'kill -9 one CMS instance',
    async () => {
      instances[0].child.kill('SIGKILL')
      // Started again in the background; the survivor, the worker and the scheduler are left alone.
      void startCms(0).then((i) => (instances[0] = i))
    },
    probe,
    15_000,
  )
  await fault('PostgreSQL restart', async () => postgres.restart(), probe, 15_000)
  await fault(
    `Redis stopped ${OUTAGE_MS / 1000} s`,
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
    `SMTP down ${OUTAGE_MS / 1000} s`,
    async () => {
      await smtp.close()
      await sleep(OUTAGE_MS)
      smtp = await startSmtpServer(smtpPort)
      keepMails(smtp)
      owed = [...load.accepted.keys()]
    },
    owedMailed,
    OUTAGE_MS + 5_000,
  )
  await fault(
    'worker killed with jobs in hand',
    async () => {
      // A burst of checkouts queues emails; the worker is killed while it sends them.
      await Promise.all(Array.from({ length: 20 }, () => load.checkout()))
      const inHand = await until(
        async () => Number((await db.query('SELECT count(*) AS n FROM payload_jobs WHERE processing')).rows[0].n),
        (n) => n > 0,
        5_000,
      )
      worker.kill('SIGKILL')
      log(`  worker killed with ${inHand.value} job(s) marked running`)
      worker = startNode(work, 'worker', 'src/jobs/worker.ts', env)
      owed = [...load.accepted.keys()]
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
  const confirmations = mails.filter((m) => m.subject?.startsWith('Thank you for your order'))
  const ids = confirmations.map((m) => m.messageId ?? '')
  const duplicates = ids.length - new Set(ids).size
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
    seconds: Math.round((Date.now() - started) / 1000),
  }
  printTable(load.phases, faults, summary)
  const failed = lost > 0 || summary.drift !== 0 || summary.missingEmails > 0 || faults.some((f) => f.recoverMs === null || f.drift !== 0)
  return failed ? 1 : 0
}

main()
  .then(async (code) => {
    await shutdown()
    process.exit(code)
  })
  .catch(async (err) => {
    console.error(err)
    console.error(`drill: logs kept in ${work}`)
    process.env.DRILL_KEEP = '1'
    await shutdown()
    process.exit(1)
  })
