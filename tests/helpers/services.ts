import { randomBytes } from 'node:crypto'
import pg from 'pg'

// Each test file gets its own database on the server named by TEST_DATABASE_URL.
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ir_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

type Service = 'postgres' | 'redis' | 'chromium'

const configured: Record<Service, { ok: () => boolean; how: string }> = {
  postgres: { ok: () => !!process.env.TEST_DATABASE_URL, how: 'set TEST_DATABASE_URL=postgres://…' },
  redis: { ok: () => !!process.env.TEST_REDIS_URL, how: 'set TEST_REDIS_URL=redis://…' },
  chromium: { ok: () => !!process.env.CHROMIUM_PATH, how: 'install chromium and set CHROMIUM_PATH' },
}

function skip(name: string, why: string, body: () => void) {
  console.warn(`SKIPPED: ${name} — ${why}`)
  const skipped = describe.skip
  skipped(name, body)
}

// A suite that needs a service runs when it is configured and says plainly when skipped. Under CI=true a suite
// skipped for want of Redis or Chromium fails; a PostgreSQL-only suite does not apply to a SQLite run.
export function describeWith(service: Service, name: string, body: () => void): void {
  const { ok, how } = configured[service]
  if (ok()) {
    describe(name, body)
    return
  }
  if (service === 'postgres') {
    skip(name, `runs on PostgreSQL only (${how}); this run uses SQLite`, body)
    return
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it(`should have ${service} available under CI`, () => {
        throw new Error(`${name} needs ${service} (${how}); CI=true treats a skipped suite as a failure`)
      })
    })
    return
  }
  skip(name, `${service} is not available (${how})`, body)
}
