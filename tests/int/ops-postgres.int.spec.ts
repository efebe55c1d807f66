import pg from 'pg'
import type { Payload } from 'payload'

import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { cacheDisabled, http, startOpsServer, type OpsServer } from '../helpers/opsServer'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { describeWith } from '../helpers/services'

let app: TestPayload
let payload: Payload
let server: OpsServer

/** Ends every connection the CMS holds to its database, as a failover or an admin's pg_terminate_backend would. */
async function killConnections(databaseUrl: string): Promise<number> {
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  const { rows } = await admin.query(
    'SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  )
  await admin.end()
  return rows.length
}

describeWith('postgres', 'Postgres connections killed under load', () => {
  beforeAll(async () => {
    app = await bootPayload()
    payload = app.payload
    for (let i = 0; i < 20; i++)
      await payload.create({ collection: 'products', data: { title: `Load ${i}`, price: 100 + i, sku: `LOAD-${i}`, _status: 'published' } })
    server = await startOpsServer(payload, { cache: cacheDisabled, limiter: memoryRateLimiter() })
  })

  afterAll(async () => {
    await server?.close()
    await app?.close()
  })

  it('should answer 200 again without a restart once the pool has reconnected', async () => {
    const read = () => http(`${server.url}/api/products?limit=10&depth=1`).then((r) => r.status)
    const during: Promise<number>[] = []
    let killed = 0
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 8; i++) during.push(read())
      killed += await killConnections(app.databaseUrl)
    }
    await Promise.all(during)
    const after = await Promise.all(Array.from({ length: 20 }, read))
    const ready = await http(`${server.url}/api/health/ready`)
    expect(killed).toBeGreaterThan(0)
    expect(after).toEqual(Array(20).fill(200))
    expect(ready.json.checks.database.status).toBe('up')
  })
})
