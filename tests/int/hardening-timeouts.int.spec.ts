import { sql } from '@payloadcms/db-postgres'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { describeWith } from '../helpers/services'

// Postgres cuts off any statement longer than DB_STATEMENT_TIMEOUT_MS (src/infra/database.ts), so one slow query
// cannot hold a pooled connection for long.
type Drizzle = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }

describeWith('postgres', 'the database statement time limit', () => {
  let app: TestPayload

  beforeAll(async () => {
    app = await bootPayload({ DB_STATEMENT_TIMEOUT_MS: '500' })
  }, 300000)

  afterAll(async () => {
    await app?.close()
  })

  it('should end a statement that runs longer than DB_STATEMENT_TIMEOUT_MS with an error instead of waiting', async () => {
    const drizzle = (app.payload.db as unknown as { drizzle: Drizzle }).drizzle
    const started = Date.now()
    const error = await drizzle.execute(sql`SELECT pg_sleep(10)`).then(
      () => null,
      (e: Error) => e,
    )
    const ms = Date.now() - started
    console.log(
      `HARDENING STATEMENT TIMEOUT pg_sleep(10) ended after ${ms} ms: ${String((error as { cause?: Error })?.cause?.message ?? error?.message).slice(0, 80)}`,
    )
    expect(String((error as { cause?: Error })?.cause?.message ?? error?.message)).toMatch(/statement timeout/)
  })

  it('should still answer ordinary queries on the same pool afterwards', async () => {
    const found = await app.payload.find({ collection: 'products', limit: 1 })
    expect(found.totalDocs).toBe(0)
  })
})
