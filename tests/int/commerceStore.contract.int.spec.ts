import { payloadCommerceStore } from '../../src/infra/commerce/store'
import { queryRows, sql } from '../../src/infra/sql'
import { commerceStoreContract } from '../contract/commerceStore.contract'
import type { StoreUnderTest } from '../contract/commerceStore.contract'
import { bootPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

// The same cases the memory store passes, on the database this run uses: SQLite, or PostgreSQL when
// TEST_DATABASE_URL is set (`.ci/run` runs the suite once on each).
let app: TestPayload

beforeAll(async () => {
  app = await bootPayload()
})

afterAll(async () => {
  await app.close()
})

function payloadSubject(): StoreUnderTest {
  const { payload } = app
  return {
    store: payloadCommerceStore(payload),
    async addSku(sku, available) {
      // The product's hook creates its inventory row; the level is then set directly, with no ledger row.
      await payload.create({ collection: 'products', data: { title: `Product ${sku}`, price: 1200, sku, _status: 'published' }, overrideAccess: true })
      await queryRows(payload, undefined, sql`UPDATE inventory SET available = ${available} WHERE sku = ${sku} RETURNING id`)
    },
    async ledger(sku) {
      const rows = await queryRows<{ change: number | string; reason: string }>(
        payload,
        undefined,
        sql`SELECT change, reason FROM stock_movements WHERE sku = ${sku} ORDER BY id`,
      )
      return rows.map((row) => ({ change: Number(row.change), reason: row.reason }))
    },
  }
}

commerceStoreContract(process.env.TEST_DATABASE_URL ? 'The Payload store on PostgreSQL' : 'The Payload store on SQLite', payloadSubject)

// Specific to Payload: a Local API call that fails inside the transaction rolls it back and forgets it (Payload's
// operations call killTransaction on any error). Nothing may then run outside it: without the guard the second
// change below would commit on its own, and stock would no longer match its ledger.
describe('The Payload store after its transaction was rolled back by a failed Local API call', () => {
  it('refuses further changes, and keeps none of the ones before', async () => {
    const subject = payloadSubject()
    const sku = `TX-ENDED-${Date.now()}`
    await subject.addSku(sku, 10)
    const { payload } = app
    const attempt = subject.store.withTransaction(async (tx) => {
      await tx.adjustAvailable(sku, -3)
      // An invalid create (no SKU, change or reason) fails validation: Payload rolls the transaction back.
      await payload
        .create({ collection: 'stock-movements', data: {} as never, req: tx.transactionHandle!() as never, overrideAccess: true })
        .catch(() => undefined)
      // An undo step putting the stock back, as a workflow does when a later step fails.
      await tx.adjustAvailable(sku, 3)
      return 'done'
    })
    await expect(attempt).rejects.toMatchObject({ status: 503, code: 'busy' })
    const [level] = await subject.store.readStock([sku])
    expect(level.available).toBe(10)
    expect(await subject.ledger(sku)).toEqual([])
  })

  it('does not report success when the work swallowed the failure', async () => {
    const subject = payloadSubject()
    const sku = `TX-SWALLOWED-${Date.now()}`
    await subject.addSku(sku, 5)
    const { payload } = app
    const attempt = subject.store.withTransaction(async (tx) => {
      await tx.adjustAvailable(sku, -2)
      await payload
        .create({ collection: 'stock-movements', data: {} as never, req: tx.transactionHandle!() as never, overrideAccess: true })
        .catch(() => undefined)
      return 'done'
    })
    await expect(attempt).rejects.toMatchObject({ status: 503 })
    const [level] = await subject.store.readStock([sku])
    expect(level.available).toBe(5)
  })
})

// PostgreSQL: a COMMIT the database refuses (here a deferred unique constraint, checked only at COMMIT; in the drill a
// connection lost at that moment). Payload's commitTransaction swallows that failure; the store must not answer
// success for a change that was rolled back.
;(process.env.TEST_DATABASE_URL ? describe : describe.skip)('The Payload store when PostgreSQL refuses the COMMIT', () => {
  it('answers 503 and keeps nothing', async () => {
    const subject = payloadSubject()
    const sku = `TX-COMMIT-${Date.now()}`
    await subject.addSku(sku, 10)
    const { payload } = app
    const attempt = subject.store.withTransaction(async (tx) => {
      await tx.adjustAvailable(sku, -4)
      const req = tx.transactionHandle!() as never
      await queryRows(payload, req, sql`CREATE TEMP TABLE commit_refused (n int UNIQUE DEFERRABLE INITIALLY DEFERRED) ON COMMIT DROP`)
      await queryRows(payload, req, sql`INSERT INTO commit_refused VALUES (1), (1) RETURNING n`)
      return 'done'
    })
    await expect(attempt).rejects.toMatchObject({ status: 503, code: 'busy' })
    const [level] = await subject.store.readStock([sku])
    expect(level.available).toBe(10)
  })
})
