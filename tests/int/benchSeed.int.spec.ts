import type { Payload } from 'payload'

import type { BenchProduct } from '../../src/seed/bench/benchProduct'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { available, checkoutBody, configureStore, newKey, staffToken } from '../helpers/shop'

// The bulk seeder (src/seed/bench; PostgreSQL's INSERT … SELECT path with TEST_DATABASE_URL, the drizzle path on
// SQLite) must write the rows Payload itself writes: a generated product, deleted and created again through the
// API with the same data and stock, must read back the same over REST and search.
const PRODUCTS = 50

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string
let bench: (index: number) => BenchProduct

beforeAll(async () => {
  app = await bootPayload()
  payload = app.payload
  api = await restClient(payload.config)
  const { emptyTally } = await import('../../src/seed/context')
  const { seedCategories } = await import('../../src/seed/seedCategories')
  const { seedBenchProducts } = await import('../../src/seed/bench/seedBenchProducts')
  const { categoryTree } = await import('../../src/seed/catalogue/categories')
  bench = (await import('../../src/seed/bench/benchProduct')).benchProduct
  const ctx = { payload, log: () => {}, tally: emptyTally(), concurrency: 1 }
  const categories = await seedCategories(ctx)
  const leaves = categoryTree.flatMap((top) => (top.children ?? []).map((c) => c.slug))
  await seedBenchProducts(ctx, PRODUCTS, categories, leaves)
  await configureStore(payload)
  staff = (await staffToken(payload, 'admin')).token
}, 600_000)

afterAll(async () => {
  await app.close()
})

type Doc = Record<string, any>
const bySlug = async (slug: string): Promise<Doc> => (await api.get(`/products?where[slug][equals]=${slug}&depth=1`)).json.docs[0]
const searchEntry = async (q: string, slug: string): Promise<Doc> =>
  (await api.get(`/search?q=${encodeURIComponent(q)}&limit=100`)).json.docs.find((d: Doc) => d.slug === slug)

// What differs between any two creations of one product: its ids and times.
function withoutIdentity(doc: Doc): Doc {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = doc
  const variants = (doc.variants ?? []).map(({ id: _v, options, ...variant }: Doc) => ({ ...variant, options: options.map(({ id: _o, ...o }: Doc) => o) }))
  return { ...rest, variants }
}

/** Deletes the generated product and creates it again through the REST API, with the same stock per SKU. */
async function recreateThroughApi(index: number): Promise<void> {
  const p = bench(index)
  const before = await bySlug(p.slug)
  const stock = new Map(await Promise.all(p.skus.map(async (s) => [s.sku, await available(payload, s.sku)] as const)))
  expect((await api.del(`/products/${before.id}`, { token: staff })).status).toBe(200)
  const { paragraphsToLexical } = await import('../../src/seed/richText')
  const created = await api.post(
    '/products',
    {
      title: p.title,
      slug: p.slug,
      description: paragraphsToLexical([p.description]),
      price: p.price,
      compareAtPrice: p.compareAtPrice,
      weight: p.weight,
      sku: p.sku,
      variants: p.sku ? [] : p.skus.map((s) => ({ sku: s.sku, title: s.variantTitle, price: s.price, options: s.options })),
      images: before.images.map((m: Doc) => m.id),
      categories: before.categories.map((c: Doc) => c.id),
      seo: p.seo,
      _status: 'published',
    },
    { token: staff },
  )
  expect(created.status).toBe(201)
  for (const [sku, delta] of stock) expect((await api.post('/inventory/adjust', { sku, delta, reason: 'Same stock' }, { token: staff })).status).toBe(200)
}

describe('generated benchmark products', () => {
  it.each([
    ['one SKU', 7],
    ['size variants', 10],
  ])('should read back over REST exactly like the same product created through the API (%s)', async (_kind, index) => {
    const generated = await bySlug(bench(index).slug)
    await recreateThroughApi(index)
    expect(withoutIdentity(await bySlug(bench(index).slug))).toEqual(withoutIdentity(generated))
  })

  it('should be found by search exactly like the same product created through the API', async () => {
    const p = bench(12)
    const generated = await searchEntry(p.title, p.slug)
    await recreateThroughApi(12)
    expect(generated).toBeDefined()
    expect(withoutIdentity(await searchEntry(p.title, p.slug))).toEqual(withoutIdentity(generated))
  })

  it('should list every generated product to anonymous visitors', async () => {
    const res = await api.get(`/products?where[slug][like]=bench-&limit=1&depth=0`)
    expect(res.json.totalDocs).toBe(PRODUCTS)
  })

  it('should sell a generated SKU at checkout and take it from stock', async () => {
    const sku = bench(3).sku!
    const before = await available(payload, sku)
    const res = await api.post('/checkout', checkoutBody([{ sku, quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    expect([res.status, await available(payload, sku)]).toEqual([201, before - 1])
  })
})
