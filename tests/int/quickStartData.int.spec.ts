import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// The quick start's first step (`npm run migrate`) on a fresh clone: no data/ folder yet, the embedded database.
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const runs: string[] = []

afterAll(() => {
  for (const dir of runs) rmSync(dir, { recursive: true, force: true })
})

function migrateInFreshDataDir(extraEnv: Record<string, string>) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'ir-quick-start-'))
  runs.push(tmp)
  const dataDir = path.join(tmp, 'data')
  const { DATABASE_URL: _db, PAYLOAD_SECRET: _secret, CMS_URL: _cms, ...inherited } = process.env
  const run = spawnSync('npm', ['run', '--silent', 'migrate'], {
    cwd: root,
    env: { ...inherited, APP_ENV: 'development', DATA_DIR: dataDir, MEDIA_DIR: path.join(tmp, 'media'), LOG_LEVEL: 'warn', ...extraEnv },
    encoding: 'utf8',
  })
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, database: path.join(dataDir, 'ipswich.db') }
}

describe('the embedded database on a fresh clone', () => {
  it('should create data/ and migrate when PAYLOAD_SECRET is set and DATABASE_URL is not', () => {
    const run = migrateInFreshDataDir({ PAYLOAD_SECRET: 'a-strong-secret-set-by-the-newcomer-0123456789' })
    expect([run.status, existsSync(run.database)]).toEqual([0, true])
  }, 120_000)

  it('should create data/ and migrate when neither is set', () => {
    const run = migrateInFreshDataDir({})
    expect([run.status, existsSync(run.database)]).toEqual([0, true])
  }, 120_000)
})
