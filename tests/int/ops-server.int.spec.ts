import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { buildIfNeeded, CMS_SOURCES } from '../../scripts/build-if-needed.mjs'
import { dockerfileCommand, forSpawn } from '../helpers/deployCommands'
import { http } from '../helpers/opsServer'
import { createTestDatabase } from '../helpers/services'
import { freePort } from '../helpers/smtp'

// The production server (src/server/main.ts) on a real Next build. Locally it uses a build in .next-ops
// (`NEXT_DIST_DIR=.next-ops npm run build`) or an up-to-date .next; under CI it builds .next when needed.
const root = path.resolve(import.meta.dirname, '../..')
const distDir = existsSync(path.join(root, '.next-ops/BUILD_ID')) ? '.next-ops' : '.next'
const ci = process.env.CI === 'true'
const runnable = ci || existsSync(path.join(root, distDir, 'BUILD_ID'))
if (!runnable) console.warn('SKIPPED: the CMS production server suite — no Next build (run `NEXT_DIST_DIR=.next-ops npm run build`)')

let child: ChildProcess
let url: string
let logFile: string
let dataDir: string
let dropDatabase = async () => {}
let exitCode: Promise<number | null>

async function waitForHealth(timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if ((await http(`${url}/api/health`).catch(() => ({ status: 0 }))).status === 200) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the server did not become healthy:\n${readFileSync(logFile, 'utf8').slice(-3000)}`)
}

;(runnable ? describe : describe.skip)('the CMS production server on a real build', () => {
  beforeAll(async () => {
    if (ci && distDir === '.next') buildIfNeeded('CMS', root, CMS_SOURCES)
    dataDir = mkdtempSync(path.join(tmpdir(), 'ir-ops-server-'))
    const database = process.env.TEST_DATABASE_URL
      ? await createTestDatabase(process.env.TEST_DATABASE_URL)
      : { url: `file:${path.join(dataDir, 'cms.db')}`, drop: async () => {} }
    dropDatabase = database.drop
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      APP_ENV: 'development',
      NODE_ENV: 'production' as const,
      DATABASE_URL: database.url,
      DB_PUSH: 'false',
      DATA_DIR: dataDir,
      MEDIA_DIR: path.join(dataDir, 'media'),
      PAYLOAD_SECRET: 'ops-server-suite-secret-0123456789abcdef',
      CMS_PORT: String(port),
      CMS_URL: url,
      NEXT_DIST_DIR: distDir === '.next' ? '' : distDir,
      LOG_LEVEL: 'info',
      RUN_JOBS_IN_PROCESS: 'true',
      REDIS_URL: '',
      PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true',
    }
    const migrated = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=production', 'scripts/migrate.ts'], {
      cwd: root,
      env,
      encoding: 'utf8',
    })
    if (migrated.status !== 0) throw new Error(`migrations failed: ${migrated.stderr}${migrated.stdout}`)
    logFile = path.join(dataDir, 'server.log')
    // The cms image's own CMD, as `docker run` would start it: one node process, so SIGTERM reaches the server.
    const out = openSync(logFile, 'w')
    const [bin, args] = forSpawn(dockerfileCommand('cms'))
    child = spawn(bin, args, { cwd: root, env: { ...env, NODE_OPTIONS: '--no-deprecation' }, stdio: ['ignore', out, out] })
    exitCode = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
    await waitForHealth()
  }, 20 * 60_000)

  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL')
    await dropDatabase().catch(() => undefined)
    rmSync(dataDir, { recursive: true, force: true })
  })

  let token: string

  it('should be ready with every migration applied', async () => {
    const ready = await http(`${url}/api/health/ready`)
    expect(ready.status).toBe(200)
    expect(ready.json.checks.migrations.status).toBe('up')
  })

  it('should log in through Next with the body the server read for the rate limit', async () => {
    await http(`${url}/api/users/first-register`, { method: 'POST', json: { email: 'ops@example.com', password: 'ops-password-123' } })
    const login = await http(`${url}/api/users/login`, { method: 'POST', json: { email: 'ops@example.com', password: 'ops-password-123' } })
    token = login.json.token
    expect(login.status).toBe(200)
    expect(login.headers.get('set-cookie')).toMatch(/payload-token=/)
  })

  it('should answer a repeated anonymous read from the cache and echo the request id', async () => {
    await http(`${url}/api/products`, { method: 'POST', json: { title: 'Orwell Lamp', price: 3000, sku: 'LAMP-1', _status: 'published' }, token })
    const first = await http(`${url}/api/products?where[sku][equals]=LAMP-1`)
    const second = await http(`${url}/api/products?where[sku][equals]=LAMP-1`, { headers: { 'x-request-id': 'suite-42' } })
    expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['MISS', 'HIT'])
    expect(second.json.docs[0].title).toBe('Orwell Lamp')
    expect(second.headers.get('x-request-id')).toBe('suite-42')
  })

  it('should see an edit made through Next on the next read (hooks in the bundle bump the server cache)', async () => {
    const found = await http(`${url}/api/products?where[sku][equals]=LAMP-1`)
    await http(`${url}/api/products/${found.json.docs[0].id}`, { method: 'PATCH', json: { title: 'Orwell Lamp (brass)' }, token })
    const after = await http(`${url}/api/products?where[sku][equals]=LAMP-1`)
    expect(after.json.docs[0].title).toBe('Orwell Lamp (brass)')
  })

  it('should cache an anonymous GraphQL query passed through to Next', async () => {
    const query = { query: '{ Products(where: { sku: { equals: "LAMP-1" } }) { docs { title } } }' }
    const first = await http(`${url}/api/graphql`, { method: 'POST', json: query })
    const second = await http(`${url}/api/graphql`, { method: 'POST', json: query })
    expect(first.json.data.Products.docs[0].title).toBe('Orwell Lamp (brass)')
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(second.text).toBe(first.text)
  })

  it('should expose request durations by route template on /metrics', async () => {
    const scrape = await http(`${url}/metrics`)
    expect(scrape.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/products",status="200"\} \d+/)
    expect(scrape.text).toMatch(/cache_requests_total\{result="hit",tier="memory"\} \d+/)
  })

  it('should finish a request in hand on SIGTERM, then exit 0 having logged each request as JSON', async () => {
    const inFlight = http(`${url}/api/products?limit=50&depth=2`, { token })
    await new Promise((r) => setTimeout(r, 50))
    child.kill('SIGTERM')
    const answered = await inFlight
    const code = await exitCode
    const lines = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request')
    expect(answered.status).toBe(200)
    expect(code).toBe(0)
    expect(requests.some((r) => r.reqId === 'suite-42' && r.cache === 'HIT')).toBe(true)
    expect(lines.join('\n')).not.toContain('ops-password-123')
  })
})
