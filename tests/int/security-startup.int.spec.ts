import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// The production server (src/server/main.ts) as `npm run serve` starts it: in production without METRICS_TOKEN it
// must stop before listening, saying which variable to set (issue 18: /metrics and readiness detail were public).
const root = path.resolve(import.meta.dirname, '../..')
const strong = 'startup-suite-secret-0123456789abcdef0123'

function serve(extra: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ir-startup-'))
  return spawnSync(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      NODE_ENV: 'production',
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_OPTIONS: '--no-deprecation',
      APP_ENV: 'production',
      PAYLOAD_SECRET: strong,
      REVALIDATE_SECRET: strong,
      CLIENT_ADDRESS_SECRET: strong,
      PAYMENT_METHODS: 'manual',
      DATA_DIR: dataDir,
      CMS_PORT: '0',
      ...extra,
    },
  })
}

describe('the CMS server starting in production', () => {
  it('should refuse to start without METRICS_TOKEN, naming it', () => {
    const run = serve({})
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/METRICS_TOKEN must be set to a strong value .* when APP_ENV is production/)
  }, 70_000)

  it('should refuse a short METRICS_TOKEN too', () => {
    const run = serve({ METRICS_TOKEN: 'changeme' })
    expect([run.status, /METRICS_TOKEN/.test(run.stderr)]).toEqual([1, true])
  }, 70_000)
})
