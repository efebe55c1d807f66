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

const available: Record<Service, () => boolean> = {
  postgres: () => !!process.env.TEST_DATABASE_URL,
  redis: () => !!process.env.TEST_REDIS_URL,
  chromium: () => !!process.env.CHROMIUM_PATH,
}

// A suite that needs a service runs when it is configured, says plainly when skipped, and fails under CI=true.
export function describeWith(service: Service, name: string, body: () => void): void {
  if (available[service]()) {
    describe(name, body)
    return
  }
  const reason = `${service} is not configured (${service === 'postgres' ? 'TEST_DATABASE_URL' : service === 'redis' ? 'TEST_REDIS_URL' : 'CHROMIUM_PATH'} unset)`
  if (process.env.CI === 'true') {
    describe(name, () => {
      it(`should have ${service} available in CI`, () => {
        throw new Error(`${name}: ${reason}; CI=true treats a skipped suite as a failure`)
      })
    })
    return
  }
  console.warn(`SKIPPED: ${name} — ${reason}`)
  const skipped = describe.skip
  skipped(name, body)
}
