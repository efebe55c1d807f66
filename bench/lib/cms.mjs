// Starts the built CMS on a throw-away PostgreSQL database for a benchmark, and stops it again.
import { spawn, spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { buildIfNeeded, CMS_SOURCES } from '../../scripts/build-if-needed.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

export function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`
}

export async function createDatabase(serverUrl, name) {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function dropDatabase(serverUrl, name) {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}

/**
 * Builds if needed, migrates `databaseUrl`, starts the CMS on `port` and waits until it answers. `dir` runs another
 * checkout of the project (a worktree of main, for a baseline in the same run).
 */
export async function startCms({ databaseUrl, port, env = {}, dir = root }) {
  buildIfNeeded('CMS', dir, CMS_SOURCES)
  const fullEnv = {
    ...process.env,
    APP_ENV: 'development',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    CMS_PORT: String(port),
    PORT: String(port),
    CMS_URL: `http://127.0.0.1:${port}`,
    PAYLOAD_SECRET: 'benchmark-secret-0123456789abcdef0123456789',
    LOG_LEVEL: 'warn',
    RUN_JOBS_IN_PROCESS: 'false',
    RATE_LIMIT_LOGIN: '1000000',
    RATE_LIMIT_CHECKOUT: '1000000',
    RATE_LIMIT_QUOTE: '1000000',
    RATE_LIMIT_REGISTER: '1000000',
    PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true',
    ...env,
  }
  const migrated = spawnSync('npm', ['run', '--silent', 'migrate'], { cwd: dir, env: fullEnv, stdio: 'inherit' })
  if (migrated.status !== 0) throw new Error('migration failed')
  // The image's command (one node process); BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there on stop.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : []
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', ...profile, 'src/server/main.ts'], {
    cwd: dir,
    env: { ...fullEnv, NODE_OPTIONS: '--no-deprecation' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/products?limit=1`)).ok) break
    } catch {
      // not listening yet: try again
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return {
    base,
    /** SIGTERM, then waits for the server to drain and exit (so a CPU profile is complete). */
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000).unref())])
    },
  }
}

export async function json(res) {
  const text = await res.text()
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`${res.status} ${text.slice(0, 200)}`)
  }
}

/** The first user (becomes admin) and its token. */
export async function adminToken(base) {
  const body = JSON.stringify({ email: 'bench-admin@example.com', password: 'bench-password-123' })
  await fetch(`${base}/api/users/first-register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  const login = await json(await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }))
  if (!login.token) throw new Error(`login failed: ${JSON.stringify(login)}`)
  return login.token
}
