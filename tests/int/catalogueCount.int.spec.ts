import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { queryRows, sql } from '../../src/infra/sql'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { describeWith } from '../helpers/services'

// The published count the catalogue read model answers `totalDocs` with (src/infra/search/publishedCount.ts) is a
// row kept by triggers on PostgreSQL: after every kind of write it must equal what count(*) gives.
let app: TestPayload
let payload: Payload

/** The maintained count and the counted one, side by side. */
async function counts(): Promise<{ kept: number; counted: number }> {
  const [row] = await queryRows<{ kept: string | number; counted: string | number }>(
    payload,
    undefined,
    sql`SELECT (SELECT published FROM catalogue_count WHERE id = 1) AS kept, (SELECT count(*) FROM products WHERE _status = 'published') AS counted`,
  )
  return { kept: Number(row!.kept), counted: Number(row!.counted) }
}

let serial = 0
async function createProduct(status: 'published' | 'draft') {
  serial += 1
  return payload.create({
    collection: 'products',
    data: { title: `Counted ${serial}`, price: 100 + serial, sku: `COUNT-${serial}`, _status: status },
    draft: status === 'draft',
  })
}

describeWith('postgres', 'the maintained count of published products', () => {
  beforeAll(async () => {
    app = await bootPayload()
    payload = app.payload
    // A catalogue that is not empty, so a count left unchanged by a write differs from count(*).
    await createProduct('published')
  }, 600_000)

  afterAll(async () => {
    await app?.close()
  })

  it('should equal count(*) after a product is created published', async () => {
    const before = await counts()
    await createProduct('published')
    expect(await counts()).toEqual({ kept: before.counted + 1, counted: before.counted + 1 })
  })

  it('should equal count(*) after a draft is created', async () => {
    const before = await counts()
    await createProduct('draft')
    expect(await counts()).toEqual({ kept: before.counted, counted: before.counted })
  })

  it('should equal count(*) after a draft is published', async () => {
    const draft = await createProduct('draft')
    const before = await counts()
    await payload.update({ collection: 'products', id: draft.id, data: { _status: 'published' } })
    expect(await counts()).toEqual({ kept: before.counted + 1, counted: before.counted + 1 })
  })

  it('should equal count(*) after a product is unpublished', async () => {
    const product = await createProduct('published')
    const before = await counts()
    await payload.update({ collection: 'products', id: product.id, data: { _status: 'draft' } })
    expect(await counts()).toEqual({ kept: before.counted - 1, counted: before.counted - 1 })
  })

  it('should equal count(*) after a draft version of a published product is saved', async () => {
    const product = await createProduct('published')
    const before = await counts()
    await payload.update({ collection: 'products', id: product.id, data: { title: 'Counted, redrafted', _status: 'draft' }, draft: true })
    expect(await counts()).toEqual({ kept: before.counted, counted: before.counted })
  })

  it('should equal count(*) after a product is deleted', async () => {
    const product = await createProduct('published')
    const before = await counts()
    await payload.delete({ collection: 'products', id: product.id })
    expect(await counts()).toEqual({ kept: before.counted - 1, counted: before.counted - 1 })
  })

  it('should equal count(*) after products are deleted in bulk', async () => {
    const made = await Promise.all([createProduct('published'), createProduct('published'), createProduct('draft')])
    const before = await counts()
    await payload.delete({ collection: 'products', where: { id: { in: made.map((p) => p.id) } } })
    expect(await counts()).toEqual({ kept: before.counted - 2, counted: before.counted - 2 })
  })

  it('should equal count(*) after a transaction that published a product is rolled back', async () => {
    const before = await counts()
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    await payload.create({ collection: 'products', data: { title: 'Rolled back', price: 100, sku: 'COUNT-ROLLBACK', _status: 'published' }, req })
    await killTransaction(req)
    expect(await counts()).toEqual({ kept: before.counted, counted: before.counted })
  })

  it('should equal count(*) after the bulk seeder writes benchmark products', async () => {
    const { emptyTally } = await import('../../src/seed/context')
    const { seedCategories } = await import('../../src/seed/seedCategories')
    const { seedBenchProducts } = await import('../../src/seed/bench/seedBenchProducts')
    const { categoryTree } = await import('../../src/seed/catalogue/categories')
    const ctx = { payload, log: () => {}, tally: emptyTally(), concurrency: 1 }
    const categories = await seedCategories(ctx)
    const leaves = categoryTree.flatMap((top) => (top.children ?? []).map((c) => c.slug))
    const before = await counts()
    await seedBenchProducts(ctx, 30, categories, leaves)
    expect(await counts()).toEqual({ kept: before.counted + 30, counted: before.counted + 30 })
  }, 300_000)

  it('should equal count(*) after products are published and unpublished by one SQL statement', async () => {
    const made = await Promise.all([createProduct('published'), createProduct('draft'), createProduct('draft')])
    const before = await counts()
    const ids = sql.join(
      made.map((p) => sql`${p.id}`),
      sql`, `,
    )
    await queryRows(
      payload,
      undefined,
      sql`UPDATE products SET _status = (CASE WHEN _status = 'published' THEN 'draft' ELSE 'published' END)::enum_products_status WHERE id IN (${ids})`,
    )
    expect(await counts()).toEqual({ kept: before.counted + 1, counted: before.counted + 1 })
  })

  it('should be set from the table when the triggers are created again', async () => {
    await queryRows(payload, undefined, sql`UPDATE catalogue_count SET published = published + 7 WHERE id = 1`)
    const { createPublishedCount } = await import('../../src/infra/search/publishedCount')
    await createPublishedCount(payload)
    const { counted } = await counts()
    expect(await counts()).toEqual({ kept: counted, counted })
  })
})
