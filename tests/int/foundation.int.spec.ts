import type { Payload } from 'payload'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>

beforeAll(async () => {
  app = await bootPayload()
  payload = app.payload
  api = await restClient(payload.config)
})

afterAll(async () => {
  await app.close()
})

describe('the first staff user', () => {
  it('should become admin, and later users should not', async () => {
    const first = await payload.create({ collection: 'users', data: { email: 'first@example.com', password: 'staff-password-123' } })
    const second = await payload.create({ collection: 'users', data: { email: 'second@example.com', password: 'staff-password-123' } })
    expect(first.roles).toEqual(['admin'])
    expect(second.roles).toEqual(['merchandiser'])
  })
})

describe('products and stock', () => {
  it('should create an inventory row at 0 for each new SKU', async () => {
    const product = await payload.create({
      collection: 'products',
      data: {
        title: 'Felixstowe Jumper',
        price: 4500,
        _status: 'published',
        variants: [
          { sku: 'JUMPER-S', title: 'Small' },
          { sku: 'JUMPER-M', title: 'Medium', price: 4700 },
        ],
      },
    })
    const rows = await payload.find({ collection: 'inventory', where: { product: { equals: product.id } }, sort: 'sku' })
    expect(rows.docs.map((r) => [r.sku, r.available])).toEqual([
      ['JUMPER-M', 0],
      ['JUMPER-S', 0],
    ])
  })

  it('should generate the slug from the title', async () => {
    const product = await payload.create({ collection: 'products', data: { title: 'Orwell Tea Towel & Mug', price: 900, sku: 'TOWEL-1' } })
    expect(product.slug).toBe('orwell-tea-towel-and-mug')
  })
})

describe('bad product input', () => {
  const count = async () => (await payload.count({ collection: 'products' })).totalDocs

  it('should refuse a negative price naming the field and store nothing', async () => {
    const before = await count()
    const err = await payload.create({ collection: 'products', data: { title: 'Neg', price: -5, sku: 'NEG-1' } }).catch((e) => e)
    expect(err.status).toBe(400)
    expect(err.data.errors[0].path).toBe('price')
    expect(await count()).toBe(before)
  })

  it('should refuse a missing title naming the field', async () => {
    const err = await payload.create({ collection: 'products', data: { price: 100, sku: 'NOTITLE-1' } as never }).catch((e) => e)
    expect(err.status).toBe(400)
    expect(err.data.errors.map((e: { path: string }) => e.path)).toContain('title')
  })

  it('should refuse a variant SKU that another product already uses', async () => {
    await payload.create({ collection: 'products', data: { title: 'Candle', price: 1200, sku: 'CANDLE-1' } })
    const err = await payload
      .create({ collection: 'products', data: { title: 'Candle set', price: 3000, variants: [{ sku: 'CANDLE-1', title: 'One' }] } })
      .catch((e) => e)
    expect(err.status).toBe(400)
    expect(err.data.errors[0]).toMatchObject({ path: 'variants.0.sku', message: expect.stringContaining('CANDLE-1') })
  })

  it('should refuse the same SKU twice within one product', async () => {
    const err = await payload
      .create({
        collection: 'products',
        data: {
          title: 'Twins',
          price: 100,
          variants: [
            { sku: 'TWIN-1', title: 'A' },
            { sku: 'TWIN-1', title: 'B' },
          ],
        },
      })
      .catch((e) => e)
    expect(err.status).toBe(400)
    expect(err.data.errors[0].path).toBe('variants.1.sku')
  })

  it('should answer 400 over REST when filtering on a field that does not exist', async () => {
    const res = await api.get('/products?where[nonsense][equals]=1')
    expect(res.status).toBe(400)
    expect(res.text).toContain('nonsense')
  })
})

describe('orders', () => {
  it('should refuse a direct change of status naming the field', async () => {
    const order = await payload.create({
      collection: 'orders',
      data: {
        orderNumber: 'IR-900001',
        email: 'guest@example.com',
        status: 'pending',
        lines: [{ sku: 'X-1', title: 'X', unitPrice: 100, quantity: 1, lineTotal: 100 }],
        totals: { subtotal: 100, discount: 0, shipping: 0, vat: 17, total: 100 },
      },
    })
    const err = await payload.update({ collection: 'orders', id: order.id, data: { status: 'paid' } }).catch((e) => e)
    expect(err.status).toBe(400)
    expect(err.data.errors[0].path).toBe('status')
  })
})
