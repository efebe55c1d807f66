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
