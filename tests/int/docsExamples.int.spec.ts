import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { DEMO_ADMIN } from '../../src/seed/seedUsers'
import { http, startOpsServer, type OpsServer } from '../helpers/opsServer'
import { bootPayload, type TestPayload } from '../helpers/payload'

// Every README and docs example marked ```bash runnable (or ```graphql runnable) is run, as written, against the demo
// catalogue behind the CMS's own request handler on a real port: a curl answered 4xx/5xx (or a failing command) fails
// the example, unless the line ends with the status it shows (`curl … # 400 {…}`). In the docs an integrator reads,
// every fenced block must be runnable or listed below with the reason it is not run here.

const run = promisify(execFile)
const FENCE = /^```(\w*)([^\n]*)\n([\s\S]*?)^```/gm
const files = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('docs', f)),
]
const INTEGRATOR_DOCS = ['docs/integrators.md', 'docs/api-keys.md', 'docs/webhooks.md', 'docs/openapi.md', 'docs/errors.md', 'docs/search.md']

type Block = { file: string; lang: string; runnable: boolean; body: string; key: string }
const blocks: Block[] = files.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(FENCE)].map(([, lang, info, body]) => {
    const first = body.split('\n').find((line) => line.trim() !== '') ?? ''
    return { file, lang, runnable: /\brunnable\b/.test(info), body, key: `${file}: ${lang}: ${first.trim()}` }
  }),
)
const numbered = (list: Block[]) => list.map((b, i, all) => ({ ...b, name: `${b.file} #${all.slice(0, i).filter((o) => o.file === b.file).length + 1}` }))
const shell = numbered(blocks.filter((b) => b.runnable && (b.lang === 'bash' || b.lang === 'sh')))
const graphql = numbered(blocks.filter((b) => b.runnable && b.lang === 'graphql'))

const CLIENT = 'a call of examples/client/client.ts, which tests/int/integratorsExample.int.spec.ts runs against a real server'
/** Blocks of the integrator docs not run here (by the start of `file: lang: first line`), and why. A block neither runnable nor listed fails. */
const NOT_RUN: Record<string, string> = {
  'docs/integrators.md: bash: npx openapi-typescript http://localhost:8000/api/openapi.json -o api.d.ts':
    'writes a file; tests/int/integratorsExample.int.spec.ts checks that examples/client/api.d.ts, made this way, covers the live document',
  "docs/integrators.md: ts: import { shopClient } from './examples/client/client'": CLIENT,
  "docs/integrators.md: ts: await shop.adjustStock('KIT-001', 12, 'Delivery from supplier', 'po-": CLIENT,
  "docs/integrators.md: ts: const hook = await shop.subscribe('https://erp.example.com/ipswich',": CLIENT,
  "docs/integrators.md: ts: import { verifyDelivery } from './examples/client/client'": CLIENT,
  'docs/api-keys.md: json: 401 { "error": { "code": "unauthorized", "message": "…", "details": {':
    "an answer's shape; tests/int/apiKeys.int.spec.ts asserts it (and docs/api-keys.md's runnable block gets one)",
  'docs/api-keys.md: json: { "orderId": 7, "orderNumber": "IR-000007", "from": "paid", "to": "f':
    "an answer's shape; tests/int/apiKeys.int.spec.ts and the OpenAPI response check assert it",
  'docs/webhooks.md: http: POST /your/endpoint HTTP/1.1':
    'what a receiver gets; tests/int/webhooks.int.spec.ts receives real deliveries and checks these headers',
  "docs/webhooks.md: js: import { createHmac, timingSafeEqual } from 'node:crypto'":
    'the verification recipe: tests/helpers/webhookReceiver.ts loads this block and tests/int/webhooks.int.spec.ts verifies real deliveries with it',
  "docs/webhooks.md: js: import { createServer } from 'node:http'":
    'listens on a fixed port; tests/helpers/webhookReceiver.ts is the same receiver on a free port',
  'docs/errors.md: json: {': "an answer's shape; tests/int/errorFormat.int.spec.ts asserts it",
  'docs/search.md: json: {': "an answer's shape; tests/int/search.int.spec.ts asserts it",
  'docs/search.md: json: { "error": { "code": "invalid_search", "message": "q: Say what to search f':
    "an answer's shape; tests/int/search.int.spec.ts asserts it",
}

// curl fails on an HTTP error; `curl … # 400` expects that status instead (the body goes to stderr); uuidgen falls
// back to node where the machine has none. ADMIN_TOKEN is the demo admin's, as docs/integrators.md step 1 makes it.
const PREAMBLE = `set -euo pipefail
curl() { command curl -sS --fail-with-body "$@"; echo; }
expect_status() {
  local want=$1; shift
  local out; out=$(command curl -sS -w '\\n%{http_code}' "$@")
  echo "\${out%$'\\n'*}" >&2
  [ "\${out##*$'\\n'}" = "$want" ] || { echo "expected HTTP $want, got \${out##*$'\\n'}" >&2; return 1; }
}
command -v uuidgen >/dev/null || uuidgen() { node -e 'console.log(require("node:crypto").randomUUID())'; }
`
const withExpectedStatus = (script: string) => script.replace(/^(\s*)curl (.*?)\s+#\s*([1-5]\d\d)\b.*$/gm, '$1expect_status $3 $2')

let app: TestPayload
let server: OpsServer
let adminToken: string

beforeAll(async () => {
  app = await bootPayload()
  const { seed } = await import('../../src/seed')
  // The quick start's seed: development, no ADMIN_EMAIL, so the demo admin exists.
  await seed(app.payload, { appEnv: 'development', adminEmail: '', log: () => {} })
  server = await startOpsServer(app.payload, { cache: null, limiter: memoryRateLimiter() })
  const login = await http(`${server.url}/api/users/login`, { method: 'POST', json: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password } })
  adminToken = login.json.token
}, 600_000)

afterAll(async () => {
  await server?.close()
  await app?.close()
})

describe('docs examples', () => {
  it('should find the runnable examples of the README and the integrator docs', () => {
    expect(shell.filter((e) => e.file === 'README.md').length).toBeGreaterThanOrEqual(5)
    expect(INTEGRATOR_DOCS.filter((file) => !blocks.some((b) => b.file === file && b.runnable))).toEqual([])
  })

  it('should run or name a reason for every fenced block of the integrator docs', () => {
    const integrator = blocks.filter((b) => INTEGRATOR_DOCS.includes(b.file))
    const listed = (b: Block, key: string) => !b.runnable && b.key.startsWith(key)
    const uncovered = integrator.filter((b) => !Object.keys(NOT_RUN).some((key) => listed(b, key)) && !b.runnable).map((b) => b.key)
    const stale = Object.keys(NOT_RUN).filter((key) => !integrator.some((b) => listed(b, key)))
    expect({ uncovered, stale }).toEqual({ uncovered: [], stale: [] })
  })

  it('should have the webhook verification recipe loaded by the webhook tests', () => {
    expect(readFileSync('tests/helpers/webhookReceiver.ts', 'utf8')).toContain('<!-- verify-recipe -->')
  })

  it.each(shell.map((e) => [e.name, e.body]))('should run %s against the demo data', async (_name, script) => {
    const { stdout } = await run('bash', ['-c', PREAMBLE + withExpectedStatus(script).replaceAll('http://localhost:8000', server.url)], {
      timeout: 60_000,
      env: { ...process.env, ADMIN_TOKEN: adminToken },
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`)
    })
    expect(stdout).not.toMatch(/"errors?":/)
  })

  it.each(graphql.map((e) => [e.name, e.body]))('should answer the GraphQL example %s without errors', async (_name, query) => {
    const res = await http(`${server.url}/api/graphql`, { method: 'POST', json: { query } })
    expect([res.status, res.json.errors ?? null, Object.values(res.json.data ?? {}).includes(null)]).toEqual([200, null, false])
  })
})
