import type { Payload } from 'payload'

import type { SeedOptions, SeedResult } from '../../src/seed'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

const ADMIN = { adminEmail: 'owner@ipswich-retail.test', adminPassword: 'owner-password-123' }
const BENCH_PRODUCTS = 30

let app: TestPayload
let payload: Payload
let first: SeedResult
let again: SeedResult
let bench: SeedResult
let countsAfterFirst: number[]
let countsAfterAgain: number[]

const counts = async () =>
  Promise.all(
    (['products', 'categories', 'media', 'inventory', 'stock-movements', 'users', 'customers'] as const).map(
      async (collection) => (await payload.count({ collection, overrideAccess: true })).totalDocs,
    ),
  )

const ledgerSum = async (sku: string) => {
  const rows = await payload.find({ collection: 'stock-movements', where: { sku: { equals: sku } }, pagination: false, overrideAccess: true })
  return rows.docs.reduce((sum, row) => sum + row.change, 0)
}

beforeAll(async () => {
  app = await bootPayload()
  payload = app.payload
  const { seed } = await import('../../src/seed')
  const options: SeedOptions = { ...ADMIN, appEnv: 'development', log: () => {} }
  first = await seed(payload, options)
  countsAfterFirst = await counts()
  again = await seed(payload, options)
  countsAfterAgain = await counts()
  bench = await seed(payload, { ...options, products: BENCH_PRODUCTS })
}, 600_000)

afterAll(async () => {
  await app.close()
})

describe('the demo catalogue', () => {
  it('should publish at least 60 products that anonymous visitors can read', async () => {
    const published = await payload.find({ collection: 'products', overrideAccess: false, limit: 1 })
    expect(first.created.products).toBeGreaterThanOrEqual(60)
    expect(published.totalDocs).toBeGreaterThanOrEqual(60 + BENCH_PRODUCTS)
  })

  it('should nest at least 8 departments with subcategories whose breadcrumbs run two levels deep', async () => {
    const departments = await payload.find({ collection: 'categories', where: { parent: { exists: false } }, pagination: false })
    const knitwear = await payload.find({ collection: 'categories', where: { slug: { equals: 'knitwear' } }, limit: 1 })
    expect(departments.totalDocs).toBeGreaterThanOrEqual(8)
    expect(knitwear.docs[0]?.breadcrumbs?.map((b) => [b.label, b.url])).toEqual([
      ['Clothing', '/clothing'],
      ['Knitwear', '/clothing/knitwear'],
    ])
  })

  it('should give some products variants with their own SKUs and price overrides', async () => {
    const [jumper] = (await payload.find({ collection: 'products', where: { slug: { equals: 'fisherman-s-rib-jumper' } }, limit: 1 })).docs
    const variants = jumper?.variants ?? []
    expect(jumper?.sku ?? null).toBeNull()
    expect(variants).toHaveLength(8)
    expect(variants.find((v) => v.title === 'XL / Navy')).toMatchObject({ sku: 'CLO-001-XL-NAVY', price: 6900 })
  })

  it('should describe products in Lexical rich text with a generated image', async () => {
    const [candle] = (await payload.find({ collection: 'products', where: { slug: { equals: 'orwell-sea-salt-soy-candle' } }, depth: 1, limit: 1 })).docs
    const image = candle?.images?.[0]
    expect(candle?.description?.root.children[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'text' }] })
    expect(typeof image === 'object' && image?.sizes?.thumbnail?.url).toMatch(/product-orwell-sea-salt-soy-candle-300x300\.webp$/)
  })

  it('should feature about eight products', async () => {
    const featured = await payload.count({ collection: 'products', where: { featured: { equals: true } } })
    expect(featured.totalDocs).toBe(8)
  })

  it('should leave exactly one SKU out of stock', async () => {
    const out = await payload.find({ collection: 'inventory', where: { available: { equals: 0 } }, overrideAccess: true })
    expect(out.docs.map((row) => row.sku)).toEqual(['STA-003'])
  })

  it('should keep some SKUs low on stock', async () => {
    const low = await payload.count({ collection: 'inventory', where: { available: { greater_than: 0, less_than_equal: 5 } }, overrideAccess: true })
    expect(low.totalDocs).toBeGreaterThanOrEqual(3)
  })

  it('should record initial stock in the ledger so that it sums to the stock', async () => {
    const sample = await payload.find({ collection: 'inventory', sort: 'sku', limit: 12, overrideAccess: true })
    const sums = await Promise.all(sample.docs.map((row) => ledgerSum(row.sku)))
    expect(sums).toEqual(sample.docs.map((row) => row.available))
  })

  it('should save the store settings', async () => {
    const settings = await payload.findGlobal({ slug: 'store-settings' })
    expect(settings).toMatchObject({ storeName: 'Ipswich Retail', vatRate: 20, shipping: { flatRate: 395, freeOver: 5000 } })
    expect(settings.lowStockRecipients?.map((r) => r.email)).toEqual(['stock@ipswich-retail.test'])
    expect(settings.bankDetails).toMatchObject({ accountName: 'Ipswich Retail Ltd', sortCode: '12-34-56', accountNumber: '12345678' })
    expect(settings.carriers?.map((c) => c.name)).toEqual(['Royal Mail', 'DPD', 'Evri'])
  })
})

describe('the seeded accounts', () => {
  it('should create the configured admin and keep the demo merchandiser and fulfilment staff in their roles', async () => {
    const users = await payload.find({ collection: 'users', sort: 'email', overrideAccess: true })
    expect(users.docs.map((u) => [u.email, u.roles])).toEqual([
      ['fulfil@ipswich-retail.test', ['fulfilment']],
      ['merch@ipswich-retail.test', ['merchandiser']],
      ['owner@ipswich-retail.test', ['admin']],
    ])
  })

  it('should let the demo customer log in and give them an Ipswich address', async () => {
    const login = await payload.login({ collection: 'customers', data: { email: 'customer@ipswich-retail.test', password: 'ipswich-customer-demo' } })
    expect(login.user?.addresses?.[0]).toMatchObject({ city: 'Ipswich', postcode: expect.stringMatching(/^IP1 /), isDefaultShipping: true })
  })

  it('should print the logins', () => {
    expect(first.credentials.map((c) => c.email)).toEqual([
      'owner@ipswich-retail.test',
      'merch@ipswich-retail.test',
      'fulfil@ipswich-retail.test',
      'customer@ipswich-retail.test',
    ])
  })
})

describe('running the seed again', () => {
  it('should create nothing and say so', () => {
    expect(again.changed).toBe(false)
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true)
    expect(countsAfterAgain).toEqual(countsAfterFirst)
  })
})

describe('benchmark products', () => {
  it('should add the requested number of published products, each SKU stocked and in the ledger', async () => {
    const added = await payload.find({ collection: 'products', where: { slug: { like: 'bench-' } }, overrideAccess: false, pagination: false, depth: 0 })
    const skus = added.docs.flatMap((p) => (p.variants?.length ? p.variants.map((v) => v.sku) : [p.sku!]))
    const rows = await payload.find({ collection: 'inventory', where: { sku: { in: skus } }, pagination: false, overrideAccess: true })
    expect(bench.created.benchProducts).toBe(BENCH_PRODUCTS)
    expect(added.totalDocs).toBe(BENCH_PRODUCTS)
    expect(rows.docs.map((r) => r.sku).sort()).toEqual([...skus].sort())
    expect(await ledgerSum(rows.docs[0]!.sku)).toBe(rows.docs[0]!.available)
  })

  it('should serve benchmark products to anonymous visitors over REST and GraphQL', async () => {
    const api = await restClient(payload.config)
    const rest = await api.get('/products?where[slug][like]=bench-00007&depth=0')
    const gql = await api.gql('{ Products(where: { slug: { like: "bench-00007" } }) { docs { title sku price } } }')
    expect(rest.status).toBe(200)
    expect(rest.json.docs.map((p: { sku: string }) => p.sku)).toEqual(['BEN-00007'])
    expect(gql.json.data.Products.docs).toEqual([{ title: rest.json.docs[0].title, sku: 'BEN-00007', price: rest.json.docs[0].price }])
  })

  it('should keep a benchmark product editable through Payload', async () => {
    const [product] = (await payload.find({ collection: 'products', where: { slug: { like: 'bench-00010' } }, limit: 1 })).docs
    const updated = await payload.update({ collection: 'products', id: product!.id, data: { title: 'Renamed bench product' }, overrideAccess: true })
    const draft = await payload.findByID({ collection: 'products', id: product!.id, draft: true, overrideAccess: true })
    expect(updated.variants?.map((v) => v.sku)).toEqual(['BEN-00010-S', 'BEN-00010-M', 'BEN-00010-L'])
    expect(draft.title).toBe('Renamed bench product')
  })
})
