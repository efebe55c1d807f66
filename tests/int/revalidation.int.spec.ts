import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Payload } from 'payload'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { available, checkoutBody, configureStore, newKey, productWithStock, staffToken } from '../helpers/shop'

// A stand-in storefront on 127.0.0.1 that records every revalidation request it receives. The CMS runs as the
// quick start gives it: no REVALIDATE_SECRET (development generates one into the data folder).
let storefront: Server
const received: { secret: string | undefined; tags: string[] }[] = []
let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string

beforeAll(async () => {
  storefront = createServer((req, res) => {
    let body = ''
    req
      .on('data', (c) => (body += c))
      .on('end', () => {
        received.push({ secret: req.headers['x-revalidate-secret'] as string | undefined, tags: JSON.parse(body).tags })
        res.end('{}')
      })
  })
  await new Promise<void>((r) => storefront.listen(0, '127.0.0.1', r))
  const { port } = storefront.address() as AddressInfo
  app = await bootPayload({ STOREFRONT_URL: `http://127.0.0.1:${port}`, REVALIDATE_SECRET: '' })
  payload = app.payload
  api = await restClient(payload.config)
  await configureStore(payload)
  staff = (await staffToken(payload)).token
})

afterAll(async () => {
  await app.close()
  await new Promise((r) => storefront.close(r))
})

beforeEach(() => {
  received.length = 0
})

const allTags = () => received.flatMap((r) => r.tags)

/** Waits (generously: this is not a timing test) until every tag has arrived, then returns all tags received. */
async function tagsOnceArrived(tags: string[]): Promise<string[]> {
  for (let i = 0; i < 200 && !tags.every((t) => allTags().includes(t)); i++) await new Promise((r) => setTimeout(r, 50))
  return allTags()
}

let productCount = 0
async function publishedProduct(price = 1000, stock = 0) {
  const sku = `REVAL-${++productCount}`
  const product = await productWithStock(payload, api, staff, sku, price, stock)
  // Its own creation and first stock are revalidated too: let those calls land before a test looks.
  await tagsOnceArrived(['products', ...(stock > 0 ? [`sku:${sku}`] : [])])
  received.length = 0
  return product
}

describe('storefront revalidation on the quick start’s configuration', () => {
  it('should sign every call with the secret generated in the data folder, which npm start gives the storefront', async () => {
    await publishedProduct()
    await api.post('/globals/store-settings', { storeName: 'Ipswich Retail' }, { token: staff })
    await tagsOnceArrived(['settings'])
    const generated = readFileSync(path.join(app.dataDir, 'revalidate-secret'), 'utf8')
    expect([generated.length, received.length > 0, received.every((r) => r.secret === generated)]).toEqual([64, true, true])
  })

  it('should revalidate a product’s pages and every listing when its price changes over REST', async () => {
    const product = await publishedProduct(6700)
    await api.patch(`/products/${product.id}`, { price: 6500 }, { token: staff })
    expect(await tagsOnceArrived([`product:${product.slug}`, 'products'])).toEqual(expect.arrayContaining([`product:${product.slug}`, 'products']))
  })

  it('should revalidate a product’s page under its old and new slug when it is renamed', async () => {
    const product = await publishedProduct()
    await api.patch(`/products/${product.id}`, { slug: `renamed-${product.slug}` }, { token: staff })
    expect(await tagsOnceArrived([`product:renamed-${product.slug}`])).toEqual(
      expect.arrayContaining([`product:renamed-${product.slug}`, `product:${product.slug}`, 'products']),
    )
  })

  it('should revalidate a product’s pages when its price changes over GraphQL', async () => {
    const product = await publishedProduct(6700)
    const res = await api.gql(`mutation { updateProduct(id: ${product.id}, data: { price: 6400 }) { price } }`, { token: staff })
    expect([res.json.data?.updateProduct?.price, await tagsOnceArrived([`product:${product.slug}`])]).toEqual([
      6400,
      expect.arrayContaining([`product:${product.slug}`, 'products']),
    ])
  })

  it('should revalidate a product’s pages and the listings when it is unpublished', async () => {
    const product = await publishedProduct()
    const res = await api.patch(`/products/${product.id}`, { _status: 'draft' }, { token: staff })
    expect([res.status, await tagsOnceArrived([`product:${product.slug}`])]).toEqual([200, expect.arrayContaining([`product:${product.slug}`, 'products'])])
  })

  it('should revalidate a category’s pages, the category lists and the product pages that name it when it changes', async () => {
    const category = await payload.create({ collection: 'categories', data: { title: 'Revalidated knitwear' } })
    received.length = 0
    await api.patch(`/categories/${category.id}`, { title: 'Knitwear' }, { token: staff })
    expect(await tagsOnceArrived([`category:${category.slug}`])).toEqual(expect.arrayContaining([`category:${category.slug}`, 'categories', 'products']))
  })

  it('should revalidate the pages that read the store settings when they change', async () => {
    await api.post('/globals/store-settings', { storeName: 'Ipswich Retail Ltd' }, { token: staff })
    expect(await tagsOnceArrived(['settings'])).toContain('settings')
  })

  it('should revalidate a SKU’s pages when a checkout changes its stock', async () => {
    const product = await publishedProduct(1000, 5)
    await api.post('/checkout', checkoutBody([{ sku: product.sku!, quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    expect(await tagsOnceArrived([`sku:${product.sku}`])).toEqual(expect.arrayContaining([`sku:${product.sku}`, 'inventory']))
  })

  it('should revalidate the in-stock badges only when a sale takes a SKU’s last unit', async () => {
    const product = await publishedProduct(1000, 2)
    await api.post('/checkout', checkoutBody([{ sku: product.sku!, quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    const leftOne = await tagsOnceArrived([`sku:${product.sku}`])
    received.length = 0
    await api.post('/checkout', checkoutBody([{ sku: product.sku!, quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    const soldOut = await tagsOnceArrived([`sku:${product.sku}`, 'in-stock'])
    expect([leftOne.includes('in-stock'), soldOut]).toEqual([false, expect.arrayContaining([`sku:${product.sku}`, 'inventory', 'in-stock'])])
  })

  it('should revalidate a SKU’s pages when a cancelled order puts its stock back', async () => {
    const product = await publishedProduct(1000, 5)
    const placed = await api.post('/checkout', checkoutBody([{ sku: product.sku!, quantity: 2 }]), { headers: { 'idempotency-key': newKey() } })
    await tagsOnceArrived([`sku:${product.sku}`])
    received.length = 0
    const admin = (await staffToken(payload, 'admin')).token
    const res = await api.post(`/orders/${placed.json.order.id}/transition`, { to: 'cancelled', restock: true }, { token: admin })
    expect([res.status, await tagsOnceArrived([`sku:${product.sku}`])]).toEqual([200, expect.arrayContaining([`sku:${product.sku}`, 'inventory'])])
  })

  it('should revalidate a SKU’s pages when staff adjust its stock', async () => {
    const product = await publishedProduct(1000, 5)
    await api.post('/inventory/adjust', { sku: product.sku, delta: -2, reason: 'Damaged in store' }, { token: staff })
    expect(await tagsOnceArrived([`sku:${product.sku}`])).toEqual(expect.arrayContaining([`sku:${product.sku}`, 'inventory']))
  })
})

describe('storefront revalidation after a CSV import', () => {
  it('should revalidate the pages of the products and SKUs the import changed', async () => {
    const product = await publishedProduct(6700, 3)
    const csv = `slug,title,status,price,sku,stock\n${product.slug},${product.title},published,64.00,${product.sku},9`
    const form = new FormData()
    form.append('kind', 'products')
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'prices.csv')
    const preview = await api.post('/imports/preview', undefined, { token: staff, rawBody: form })
    const applied = await api.post(`/imports/${preview.json.id}/apply`, undefined, { token: staff })
    await payload.jobs.run({ allQueues: true, limit: 10 })
    const tags = [`product:${product.slug}`, 'products', `sku:${product.sku}`, 'inventory', 'in-stock']
    const imported = await payload.findByID({ collection: 'products', id: product.id, depth: 0 })
    expect([preview.json.errors, applied.status, imported.price, await tagsOnceArrived(tags)]).toEqual([[], 202, 6400, expect.arrayContaining(tags)])
  })
})

describe('a checkout whose expected total is no longer the total', () => {
  it('should answer 409 price_changed with the new quote, taking no stock and making no order', async () => {
    const product = await publishedProduct(6700, 3)
    await api.patch(`/products/${product.id}`, { price: 6500 }, { token: staff })
    const before = await payload.count({ collection: 'orders' })
    const res = await api.post('/checkout', checkoutBody([{ sku: product.sku!, quantity: 1 }], { expectedTotal: 6700 }), {
      headers: { 'idempotency-key': newKey() },
    })
    expect([res.status, res.json.error.code, res.json.error.quote.totals.total, res.json.error.quote.lines[0].unitPrice]).toEqual([
      409,
      'price_changed',
      6500,
      6500,
    ])
    expect([await available(payload, product.sku!), (await payload.count({ collection: 'orders' })).totalDocs]).toEqual([3, before.totalDocs])
  })

  it('should place the order when the expected total is the total now', async () => {
    const product = await publishedProduct(6500, 3)
    const res = await api.post('/checkout', checkoutBody([{ sku: product.sku!, quantity: 1 }], { expectedTotal: 6500 }), {
      headers: { 'idempotency-key': newKey() },
    })
    expect([res.status, res.json.order?.totals.total]).toEqual([201, 6500])
  })
})
