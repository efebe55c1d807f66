import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { composeCommand, forSpawn } from '../helpers/deployCommands'
import { http } from '../helpers/opsServer'
import { createTestDatabase } from '../helpers/services'
import { freePort } from '../helpers/smtp'

// The migrate, worker and scheduler containers, started with the exact commands docker-compose.yml gives them
// (render.yaml and Railway run the same): migrations apply and exit 0; worker and scheduler serve their metrics
// and stop cleanly on SIGTERM, which only works when no npm sits between the container and node.
const root = path.resolve(import.meta.dirname, '../..')
let dataDir: string
let env: NodeJS.ProcessEnv
let dropDatabase = async () => {}

function logOf(name: string) {
  return readFileSync(path.join(dataDir, `${name}.log`), 'utf8')
}

async function waitForLog(name: string, text: string, exited: () => boolean, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (logOf(name).includes(text)) return
    if (exited()) throw new Error(`${name} exited before logging "${text}":\n${logOf(name).slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${name} did not log "${text}":\n${logOf(name).slice(-3000)}`)
}

/** Starts a compose service's command, waits until it says it runs, scrapes it, SIGTERMs it. */
async function runAndStop(service: 'worker' | 'scheduler', ready: string) {
  const port = await freePort()
  const out = openSync(path.join(dataDir, `${service}.log`), 'w')
  const [bin, args] = forSpawn(composeCommand(service))
  const child = spawn(bin, args, { cwd: root, env: { ...env, WORKER_METRICS_PORT: String(port) }, stdio: ['ignore', out, out] })
  let exited = false
  const exitCode = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exited = true
      resolve(code)
    }),
  )
  try {
    await waitForLog(service, ready, () => exited)
    const metrics = await http(`http://127.0.0.1:${port}/metrics`)
    child.kill('SIGTERM')
    return { metrics, code: await exitCode, log: logOf(service) }
  } finally {
    if (!exited) child.kill('SIGKILL')
  }
}

describe('the compose commands of the migrate, worker and scheduler containers', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ir-ops-processes-'))
    const database = process.env.TEST_DATABASE_URL
      ? await createTestDatabase(process.env.TEST_DATABASE_URL)
      : { url: `file:${path.join(dataDir, 'cms.db')}`, drop: async () => {} }
    dropDatabase = database.drop
    env = {
      ...process.env,
      APP_ENV: 'development',
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation',
      DATABASE_URL: database.url,
      DB_PUSH: 'false',
      DATA_DIR: dataDir,
      MEDIA_DIR: path.join(dataDir, 'media'),
      PAYLOAD_SECRET: 'ops-processes-suite-secret-0123456789abcdef',
      REDIS_URL: process.env.TEST_REDIS_URL ?? '',
      REDIS_KEY_PREFIX: `ir-test-processes-${process.pid}:`,
      SMTP_URL: '',
      LOG_LEVEL: 'info',
      PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true',
    }
  })

  afterAll(async () => {
    await dropDatabase().catch(() => undefined)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('should apply the migrations and exit 0 (compose migrate)', () => {
    const [bin, args] = forSpawn(composeCommand('migrate'))
    const run = spawnSync(bin, args, { cwd: root, env, encoding: 'utf8', timeout: 180_000 })
    expect({ status: run.status, out: run.status === 0 ? '' : `${run.stderr}${run.stdout}` }).toEqual({ status: 0, out: '' })
    expect(run.stdout).toMatch(/Database schema is up to date/)
  })

  it('should run the jobs queue, serve its job metrics and stop cleanly on SIGTERM (compose worker)', async () => {
    const { metrics, code, log } = await runAndStop('worker', 'Worker running the jobs queue')
    expect(metrics.status).toBe(200)
    expect(metrics.text).toMatch(/^# TYPE jobs_run_total counter$/m)
    expect(log).toMatch(/"msg":"worker stopping"/)
    expect(log).toMatch(/"msg":"worker stopped"/)
    expect(code).toBe(0)
  })

  it('should schedule the periodic jobs and stop cleanly on SIGTERM (compose scheduler)', async () => {
    const { metrics, code, log } = await runAndStop('scheduler', 'Scheduler running')
    expect(metrics.status).toBe(200)
    expect(log).toMatch(/"msg":"scheduler stopped"/)
    expect(code).toBe(0)
  })
})
