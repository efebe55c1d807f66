import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { buildIfNeeded, CMS_SOURCES } from '../../scripts/build-if-needed.mjs'
import { dockerfileCommand, forSpawn } from '../helpers/deployCommands'
import { heldRequest, http, refusingConnections } from '../helpers/opsServer'
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
    // The staff account every test may use; each test makes the products and requests it asserts on.
    await http(`${url}/api/users/first-register`, { method: 'POST', json: staff })
    token = (await http(`${url}/api/users/login`, { method: 'POST', json: staff })).json.token
  }, 20 * 60_000)

  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL')
    await dropDatabase().catch(() => undefined)
    rmSync(dataDir, { recursive: true, force: true })
  })

  const staff = { email: 'ops@example.com', password: 'ops-password-123' }
  let token: string
  const createProduct = (sku: string, title: string) =>
    http(`${url}/api/products`, { method: 'POST', json: { title, price: 3000, sku, _status: 'published' }, token })
  const bySku = (sku: string, headers: Record<string, string> = {}) => http(`${url}/api/products?where[sku][equals]=${sku}`, { headers })

  it('should be ready with every migration applied', async () => {
    const ready = await http(`${url}/api/health/ready`)
    expect(ready.status).toBe(200)
    expect(ready.json.checks.migrations.status).toBe('up')
  })

  it('should log in through Next with the body the server read for the rate limit', async () => {
    const login = await http(`${url}/api/users/login`, { method: 'POST', json: staff })
    expect(login.status).toBe(200)
    expect(login.headers.get('set-cookie')).toMatch(/payload-token=/)
  })

  it('should answer a repeated anonymous read from the cache and echo the request id', async () => {
    await createProduct('LAMP-1', 'Orwell Lamp')
    const first = await bySku('LAMP-1')
    const second = await bySku('LAMP-1', { 'x-request-id': 'suite-42' })
    expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['MISS', 'HIT'])
    expect(second.json.docs[0].title).toBe('Orwell Lamp')
    expect(second.headers.get('x-request-id')).toBe('suite-42')
  })

  it('should see an edit made through Next on the next read (hooks in the bundle bump the server cache)', async () => {
    const created = await createProduct('LAMP-2', 'Deben Lamp')
    await bySku('LAMP-2')
    const cached = await bySku('LAMP-2')
    await http(`${url}/api/products/${created.json.doc.id}`, { method: 'PATCH', json: { title: 'Deben Lamp (brass)' }, token })
    const after = await bySku('LAMP-2')
    expect(cached.headers.get('x-cache')).toBe('HIT')
    expect(after.json.docs[0].title).toBe('Deben Lamp (brass)')
  })

  it('should cache an anonymous GraphQL query passed through to Next', async () => {
    await createProduct('LAMP-3', 'Stour Lamp')
    const query = { query: '{ Products(where: { sku: { equals: "LAMP-3" } }) { docs { title } } }' }
    const first = await http(`${url}/api/graphql`, { method: 'POST', json: query })
    const second = await http(`${url}/api/graphql`, { method: 'POST', json: query })
    expect(first.json.data.Products.docs[0].title).toBe('Stour Lamp')
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(second.text).toBe(first.text)
  })

  it('should expose request durations by route template on /metrics', async () => {
    await bySku('METRICS-1')
    await bySku('METRICS-1')
    const scrape = await http(`${url}/metrics`)
    expect(scrape.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/products",status="200"\} \d+/)
    expect(scrape.text).toMatch(/cache_requests_total\{result="hit",tier="memory"\} \d+/)
  })

  // The request is held open on the server (its body not yet sent) until the server has stopped listening, so
  // it is provably in hand when SIGTERM arrives; its answer then proves the drain.
  it('should finish a request in hand on SIGTERM, then exit 0 having logged each request as JSON', async () => {
    await createProduct('LAMP-4', 'Gipping Lamp')
    await bySku('LAMP-4')
    await bySku('LAMP-4', { 'x-request-id': 'drain-42' })
    const inFlight = heldRequest(`${url}/api/graphql`, { query: '{ Products(where: { sku: { equals: "LAMP-4" } }) { docs { title } } }' })
    await inFlight.inHand
    child.kill('SIGTERM')
    const stoppedListening = await refusingConnections(url)
    const answered = await inFlight.send()
    const code = await exitCode
    const lines = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request')
    expect(stoppedListening).toBe(true)
    expect(answered.status).toBe(200)
    expect(answered.json.data.Products.docs[0].title).toBe('Gipping Lamp')
    expect(code).toBe(0)
    expect(requests.some((r) => r.reqId === 'drain-42' && r.cache === 'HIT')).toBe(true)
    expect(lines.join('\n')).not.toContain('ops-password-123')
  })
})
