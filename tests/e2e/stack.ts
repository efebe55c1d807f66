import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { buildIfNeeded, CMS_SOURCES, STOREFRONT_SOURCES } from '../../scripts/build-if-needed.mjs'
import { freePort, startSmtpServer, type TestMailServer } from '../helpers/smtp'
import { createTestDatabase } from '../helpers/services'

const root = path.resolve(__dirname_of(import.meta.url), '../..')

function __dirname_of(url: string) {
  return path.dirname(new URL(url).pathname)
}

export type Stack = {
  cmsUrl: string
  /** The CMS's port: the quick start is reached at any loopback address on it. */
  cmsPort: number
  storefrontUrl: string
  smtp: TestMailServer
  revalidateSecret: string
  /** The database the CMS runs on (a file: URL for SQLite), for fixtures a test must write directly (e.g. an order's date). */
  databaseUrl: string
  stop: () => Promise<void>
}

async function waitFor(url: string, child: ChildProcess, label: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode} (its output is in tests/tmp/e2e/)`)
    try {
      if ((await fetch(url)).status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${label} did not answer at ${url} within ${timeoutMs / 1000} s (its output is in tests/tmp/e2e/)`)
}

// Server logs of runs older than a day; the latest runs stay for reading after a failure.
function pruneOldLogs(dir: string) {
  const dayAgo = Date.now() - 24 * 3600_000
  for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
    const run = path.join(dir, entry)
    if (statSync(run).mtimeMs < dayAgo) rmSync(run, { recursive: true, force: true })
  }
}

export type StackOptions = {
  /**
   * The CMS alone as `npm start` runs it for a newcomer: no CMS_URL, STOREFRONT_URL, PAYLOAD_SECRET, SMTP_URL or
   * REVALIDATE_SECRET (the secrets are generated in the data folder, mail goes to the outbox), the default rate limits, and the
   * embedded SQLite database in a data folder that does not exist yet (unless TEST_DATABASE_URL is set).
   */
  quickStart?: boolean
  /**
   * Start the storefront too (the default unless `quickStart`). On the quick start it gets only what `npm start`
   * gives it: CMS_URL pointing at the CMS on localhost and the revalidation secret the CMS generated.
   */
  storefront?: boolean
  /** Passed to the seed as ADMIN_EMAIL/ADMIN_PASSWORD, as the README tells a newcomer to do for an admin account. */
  admin?: { email: string; password: string }
  /** Node flags for the storefront's process alone, e.g. --cpu-prof for bench/storefront's profile (not allowed in NODE_OPTIONS). */
  storefrontNodeArgs?: string[]
}

// What `npm start` does not set: the quick start runs without them.
const TUNED_ONLY = [
  'CMS_URL',
  'STOREFRONT_URL',
  'PAYLOAD_SECRET',
  'SMTP_URL',
  'REVALIDATE_SECRET',
  'CLIENT_ADDRESS_SECRET',
  'RATE_LIMIT_LOGIN',
  'RATE_LIMIT_CHECKOUT',
  'RATE_LIMIT_QUOTE',
  'RATE_LIMIT_REGISTER',
]

/**
 * The built CMS and storefront on free ports, on a fresh database with the demo catalogue, sending mail to a
 * real SMTP server on 127.0.0.1. Builds once (only when the sources changed since the last build).
 */
export async function startStack({
  quickStart = false,
  storefront: withStorefront = !quickStart,
  admin,
  storefrontNodeArgs = [],
}: StackOptions = {}): Promise<Stack> {
  // E2E_REUSE_BUILD=true runs the builds already in .next as they are (while others edit the sources).
  if (process.env.E2E_REUSE_BUILD !== 'true') {
    // E2E_NEXT_DIST_DIR builds and serves the CMS from another folder than .next (one per person in a shared checkout).
    buildIfNeeded('CMS', root, CMS_SOURCES, { ...process.env, NEXT_DIST_DIR: process.env.E2E_NEXT_DIST_DIR ?? '' })
    if (withStorefront) buildIfNeeded('storefront', path.join(root, 'storefront'), STOREFRONT_SOURCES)
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'ir-e2e-'))
  const dataDir = quickStart ? path.join(tmp, 'data') : tmp
  const database = process.env.TEST_DATABASE_URL
    ? await createTestDatabase(process.env.TEST_DATABASE_URL)
    : { url: quickStart ? '' : `file:${path.join(dataDir, 'e2e.db')}`, drop: async () => {} }
  const smtp = await startSmtpServer()
  const [cmsPort, storefrontPort] = [await freePort(), await freePort()]
  const cmsUrl = `http://${quickStart ? 'localhost' : '127.0.0.1'}:${cmsPort}`
  const storefrontUrl = `http://127.0.0.1:${storefrontPort}`
  const revalidateSecret = 'e2e-revalidate-secret'
  const databaseUrl = database.url || `file:${path.join(dataDir, 'ipswich.db')}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_ENV: 'development',
    NODE_ENV: 'production' as NodeJS.ProcessEnv['NODE_ENV'],
    DATABASE_URL: database.url,
    DB_PUSH: 'false',
    DATA_DIR: dataDir,
    MEDIA_DIR: path.join(dataDir, 'media'),
    PAYLOAD_SECRET: 'e2e-secret-0123456789abcdef0123456789abcdef',
    CMS_PORT: String(cmsPort),
    STOREFRONT_PORT: String(storefrontPort),
    CMS_URL: cmsUrl,
    STOREFRONT_URL: storefrontUrl,
    SMTP_URL: smtp.url,
    REVALIDATE_SECRET: revalidateSecret,
    CLIENT_ADDRESS_SECRET: 'e2e-client-address-secret-0123456789abcdef',
    RUN_JOBS_IN_PROCESS: 'true',
    JOB_RETRY_DELAY_MS: '500',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_LOGIN: '100000',
    RATE_LIMIT_CHECKOUT: '100000',
    RATE_LIMIT_QUOTE: '100000',
    RATE_LIMIT_REGISTER: '100000',
    PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true',
    NEXT_DIST_DIR: process.env.E2E_NEXT_DIST_DIR ?? '',
  }
  if (quickStart) {
    for (const name of TUNED_ONLY) delete env[name]
    if (!database.url) delete env.DATABASE_URL
  }
  const children: ChildProcess[] = []
  const stop = async () => {
    for (const child of children) {
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 1000))
    await smtp.close()
    await database.drop().catch(() => {})
    rmSync(tmp, { recursive: true, force: true })
  }
  // Each server's output (the CMS logs JSON lines on stdout) goes to tests/tmp/e2e/<run>/<name>.log, kept after the run.
  const logDir = path.join(root, 'tests/tmp/e2e', path.basename(tmp))
  pruneOldLogs(path.dirname(logDir))
  mkdirSync(logDir, { recursive: true })
  const start = (name: string, [command, ...rest]: string[], cwd: string, extraEnv: Record<string, string> = {}) => {
    const log = openSync(path.join(logDir, `${name}.log`), 'w')
    const child = spawn(command, rest, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', log, log], detached: true })
    closeSync(log)
    children.push(child)
    return child
  }
  try {
    for (const [label, script] of [
      ['migrate', 'migrate'],
      ['seed', 'seed'],
    ]) {
      const seedEnv = script === 'seed' && admin ? { ...env, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } : env
      const run = spawnSync('npm', ['run', '--silent', script], { cwd: root, env: seedEnv, encoding: 'utf8' })
      if (run.status !== 0) throw new Error(`${label} failed: ${run.stdout}\n${run.stderr}`)
    }
    const cms = start('cms', ['npm', 'run', '--silent', 'serve'], root)
    await waitFor(`${cmsUrl}/api/products?limit=1`, cms, 'CMS')
    // As scripts/start.mjs does: the revalidation secret the CMS generated in its data folder goes to the storefront.
    const secret = quickStart ? readFileSync(path.join(dataDir, 'revalidate-secret'), 'utf8').trim() : revalidateSecret
    if (!withStorefront) return { cmsUrl, cmsPort, storefrontUrl, smtp, revalidateSecret: secret, databaseUrl, stop }
    // As deployed (the Dockerfile runs the standalone server), from a copy: its page and data caches start empty
    // each run instead of serving what an earlier run on another database left in storefront/.next.
    // E2E_STOREFRONT_BUILD serves a storefront build kept elsewhere (a copy of storefront/.next, e.g. a baseline for a bench).
    const storefrontBuild = process.env.E2E_STOREFRONT_BUILD ?? path.join(root, 'storefront/.next')
    const storefrontDir = path.join(tmp, 'storefront')
    cpSync(path.join(storefrontBuild, 'standalone'), storefrontDir, { recursive: true, verbatimSymlinks: true })
    cpSync(path.join(storefrontBuild, 'static'), path.join(storefrontDir, 'storefront/.next/static'), { recursive: true })
    const storefront = start('storefront', [process.execPath, ...storefrontNodeArgs, 'storefront/server.js'], storefrontDir, {
      PORT: String(storefrontPort),
      HOSTNAME: '127.0.0.1',
      NEXT_DIST_DIR: '',
      // As scripts/start.mjs starts it: told the CMS's address and the two shared secrets, nothing else.
      ...(quickStart
        ? { CMS_URL: cmsUrl, REVALIDATE_SECRET: secret, CLIENT_ADDRESS_SECRET: readFileSync(path.join(dataDir, 'client-address-secret'), 'utf8').trim() }
        : {}),
    })
    await waitFor(`${storefrontUrl}/api/health`, storefront, 'storefront')
    return { cmsUrl, cmsPort, storefrontUrl, smtp, revalidateSecret: secret, databaseUrl, stop }
  } catch (error) {
    // A half-started stack must not leave servers or databases behind.
    await stop()
    throw error
  }
}

/** Headless Debian Chromium through playwright-core; never a downloaded browser. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  })
}
