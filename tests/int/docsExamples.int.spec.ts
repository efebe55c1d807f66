import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { startOpsServer, type OpsServer } from '../helpers/opsServer'
import { bootPayload, type TestPayload } from '../helpers/payload'

// Every README and docs example marked ```bash runnable is run, as written, against the demo catalogue behind the CMS's
// own request handler on a real port: a curl answered 4xx/5xx (or a failing command) fails the example.

const run = promisify(execFile)
const FENCE = /```(?:bash|sh) runnable\n([\s\S]*?)```/g
const files = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('docs', f)),
]
const examples = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(FENCE)].map((m, i) => ({ name: `${file} #${i + 1}`, script: m[1] })))

// curl fails on an HTTP error; uuidgen falls back to node where the machine has none.
const PREAMBLE = `set -euo pipefail
curl() { command curl -sS --fail-with-body "$@"; echo; }
command -v uuidgen >/dev/null || uuidgen() { node -e 'console.log(require("node:crypto").randomUUID())'; }
`

let app: TestPayload
let server: OpsServer

beforeAll(async () => {
  app = await bootPayload()
  const { seed } = await import('../../src/seed')
  await seed(app.payload, { appEnv: 'development', log: () => {} })
  server = await startOpsServer(app.payload, { cache: null, limiter: memoryRateLimiter() })
}, 600_000)

afterAll(async () => {
  await server?.close()
  await app?.close()
})

describe('docs examples', () => {
  it('should find the runnable examples of the README and docs/search.md', () => {
    expect(examples.filter((e) => e.name.startsWith('README.md')).length).toBeGreaterThanOrEqual(5)
    expect(examples.some((e) => e.name.startsWith('docs/search.md'))).toBe(true)
  })

  it.each(examples.map((e) => [e.name, e.script]))('should run %s against the demo data', async (_name, script) => {
    const { stdout } = await run('bash', ['-c', PREAMBLE + script.replaceAll('http://localhost:8000', server.url)], { timeout: 60_000 }).catch(
      (error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`)
      },
    )
    expect(stdout).not.toMatch(/"errors?":/)
  })
})
