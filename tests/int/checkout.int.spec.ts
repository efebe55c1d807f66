import type { Payload } from 'payload'

import { payloadCommerceStore } from '../../src/infra/commerce/store'
import { queryRows, sql } from '../../src/infra/sql'
import type { TestPayload } from '../helpers/payload'
import type { restClient } from '../helpers/rest'
import { available, bootShop, checkoutBody, customerToken, ledgerSum, newKey, productWithStock } from '../helpers/shop'

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string

beforeAll(async () => {
  ;({ app, payload, api, staff } = await bootShop())
  await productWithStock(payload, api, staff, 'MUG-1', 1200, 10)
  await productWithStock(payload, api, staff, 'TOWEL-1', 800, 3)
  await productWithStock(payload, api, staff, 'DRAFT-1', 500, 5, { _status: 'draft' })
  await payload.create({
    collection: 'products',
    data: { title: 'Jumper', price: 4500, _status: 'published', variants: [{ sku: 'JUMPER-M', title: 'Medium', price: 4700 }] },
  })
  await api.post('/inventory/adjust', { sku: 'JUMPER-M', delta: 4, reason: 'Initial stock' }, { token: staff })
})

afterAll(async () => {
  await app.close()
})

const checkout = (body: unknown, key: string | null = newKey(), token?: string) =>
  api.post('/checkout', body, { headers: key ? { 'idempotency-key': key } : {}, token })

describe('POST /api/checkout', () => {
  it('should place a paid order for an approved test card and take the stock', async () => {
    const res = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 2 }]))
    expect(res.status).toBe(201)
    expect(res.json.order).toMatchObject({ status: 'paid', orderNumber: expect.stringMatching(/^IR-\d{6}$/) })
    expect(res.json.order.totals).toEqual({ subtotal: 2400, discount: 0, shipping: 395, vat: 466, total: 2795 })
    expect(await available(payload, 'MUG-1')).toBe(8)
    expect(await ledgerSum(payload, 'MUG-1')).toBe(8)
  })

  it('should leave a manual-payment order pending with its stock reserved', async () => {
    const res = await checkout(checkoutBody([{ sku: 'TOWEL-1', quantity: 1 }], { paymentMethod: 'manual', card: undefined }))
    expect(res.status).toBe(201)
    expect(res.json.order.status).toBe('pending')
    expect(await available(payload, 'TOWEL-1')).toBe(2)
  })

  it('should answer 409 with the SKU, requested and available counts when stock is short', async () => {
    const res = await checkout(checkoutBody([{ sku: 'TOWEL-1', quantity: 50 }]))
    expect(res.status).toBe(409)
    expect(res.json.error.details).toEqual([{ sku: 'TOWEL-1', requested: 50, available: 2 }])
  })

  it('should answer 402 for a declined card and keep no order nor touch stock', async () => {
    const before = (await payload.count({ collection: 'orders' })).totalDocs
    const res = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 1 }], { card: { number: '4000 0000 0000 0002' } }))
    expect(res.status).toBe(402)
    expect(res.json.error.message).toMatch(/declined/i)
    expect((await payload.count({ collection: 'orders' })).totalDocs).toBe(before)
    expect(await available(payload, 'MUG-1')).toBe(8)
  })

  it('should refuse a checkout without an Idempotency-Key', async () => {
    const res = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 1 }]), null)
    expect(res.status).toBe(400)
    expect(res.text).toMatch(/Idempotency-Key/i)
  })

  it.each([
    ['quantity 0', [{ sku: 'MUG-1', quantity: 0 }], 'items.0.quantity'],
    ['a negative quantity', [{ sku: 'MUG-1', quantity: -1 }], 'items.0.quantity'],
    ['a fractional quantity', [{ sku: 'MUG-1', quantity: 1.5 }], 'items.0.quantity'],
    ['a quantity over 1,000', [{ sku: 'MUG-1', quantity: 1001 }], 'items.0.quantity'],
    ['an unknown SKU', [{ sku: 'NOPE-1', quantity: 1 }], 'items.0.sku'],
    ['an unpublished SKU', [{ sku: 'DRAFT-1', quantity: 1 }], 'items.0.sku'],
    ['a price in an item', [{ sku: 'MUG-1', quantity: 1, price: 1 }], 'items.0'],
  ])('should refuse %s naming the field and store nothing', async (_, items, field) => {
    const before = (await payload.count({ collection: 'orders' })).totalDocs
    const res = await checkout(checkoutBody(items as never))
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.json.error.details)).toContain(field)
    expect((await payload.count({ collection: 'orders' })).totalDocs).toBe(before)
  })

  it('should refuse the SKU of a product that now has variants, naming the item', async () => {
    const product = await productWithStock(payload, api, staff, 'LAMP-1', 3000, 5)
    await payload.update({ collection: 'products', id: product.id, data: { sku: null, variants: [{ sku: 'LAMP-1-RED', title: 'Red' }] } })
    const res = await checkout(checkoutBody([{ sku: 'LAMP-1', quantity: 1 }]))
    expect(res.status).toBe(400)
    expect(res.json.error.details).toEqual([{ field: 'items.0.sku', message: expect.stringContaining('variants') }])
  })

  it('should price two variants of one product each with its own title, price and options', async () => {
    const variants = [
      {
        sku: 'SCARF-RED',
        title: 'Red',
        price: 2200,
        options: [
          { name: 'Colour', value: 'Red' },
          { name: 'Size', value: 'One' },
        ],
      },
      { sku: 'SCARF-BLUE', title: 'Blue', price: 2400, options: [{ name: 'Colour', value: 'Blue' }] },
      { sku: 'SCARF-GREY', title: 'Grey', options: [] },
    ]
    await payload.create({ collection: 'products', data: { title: 'Scarf', price: 2000, _status: 'published', variants } })
    for (const sku of ['SCARF-RED', 'SCARF-BLUE', 'SCARF-GREY'])
      await api.post('/inventory/adjust', { sku, delta: 3, reason: 'Initial stock' }, { token: staff })
    const items = [
      { sku: 'SCARF-BLUE', quantity: 1 },
      { sku: 'SCARF-GREY', quantity: 1 },
      { sku: 'SCARF-RED', quantity: 2 },
    ]
    const res = await checkout(checkoutBody(items))
    expect(
      res.json.order.lines.map((l: { sku: string; title: string; unitPrice: number; options: unknown }) => [l.sku, l.title, l.unitPrice, l.options]),
    ).toEqual([
      ['SCARF-BLUE', 'Scarf – Blue', 2400, [{ name: 'Colour', value: 'Blue' }]],
      ['SCARF-GREY', 'Scarf – Grey', 2000, []],
      [
        'SCARF-RED',
        'Scarf – Red',
        2200,
        [
          { name: 'Colour', value: 'Red' },
          { name: 'Size', value: 'One' },
        ],
      ],
    ])
  })

  it('should refuse a country the store does not ship to', async () => {
    const res = await checkout(
      checkoutBody([{ sku: 'MUG-1', quantity: 1 }], { shippingAddress: { name: 'A', line1: '1 Rue', city: 'Paris', postcode: '75001', country: 'FR' } }),
    )
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.json.error.details)).toContain('shippingAddress.country')
  })

  it('should refuse a total in the body', async () => {
    const res = await checkout({ ...checkoutBody([{ sku: 'MUG-1', quantity: 1 }]), total: 1 })
    expect(res.status).toBe(400)
    expect(res.text).toContain('total')
  })

  it('should refuse malformed JSON with 400', async () => {
    const res = await api.post('/checkout', undefined, { headers: { 'idempotency-key': newKey(), 'content-type': 'application/json' }, rawBody: '{"items": [' })
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('invalid_json')
  })

  it('should answer 422 when a key is reused with a different body', async () => {
    const key = newKey()
    expect((await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 1 }]), key)).status).toBe(201)
    const res = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 2 }]), key)
    expect(res.status).toBe(422)
  })

  it('should make one order for 20 concurrent requests with one key and answer each with the same body', async () => {
    const key = newKey()
    const body = checkoutBody([{ sku: 'JUMPER-M', quantity: 1 }])
    const before = (await payload.count({ collection: 'orders' })).totalDocs
    const answers = await Promise.all(Array.from({ length: 20 }, () => checkout(body, key)))
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201))
    expect(new Set(answers.map((a) => a.text)).size).toBe(1)
    expect((await payload.count({ collection: 'orders' })).totalDocs).toBe(before + 1)
    expect(await available(payload, 'JUMPER-M')).toBe(3)
  })

  it('should make the order a logged-in customer’s own, visible only to them', async () => {
    const alice = await customerToken(payload)
    const bob = await customerToken(payload)
    const placed = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 1 }], { email: alice.email }), newKey(), alice.token)
    const mine = await api.get('/orders', { token: alice.token })
    const theirs = await api.get('/orders', { token: bob.token })
    expect(mine.json.docs.map((o: { orderNumber: string }) => o.orderNumber)).toEqual([placed.json.order.orderNumber])
    expect(theirs.json.docs).toEqual([])
  })
})

describe('the search index after a checkout', () => {
  const inStock = async (skus: string[]) => {
    const rows = await queryRows<{ sku: string; in_stock: number | boolean }>(
      payload,
      undefined,
      sql`SELECT s.sku, p.in_stock FROM search_products p JOIN search_skus s ON s.product_id = p.product_id WHERE s.sku IN (${sql.join(
        skus.map((sku) => sql`${sku}`),
        sql`, `,
      )}) ORDER BY s.sku`,
    )
    return rows.map((r) => [r.sku, Number(r.in_stock)])
  }

  it('should take every product a checkout sold out out of the in-stock facet', async () => {
    await productWithStock(payload, api, staff, 'LAST-1', 900, 1)
    await productWithStock(payload, api, staff, 'LAST-2', 700, 1)
    const before = await inStock(['LAST-1', 'LAST-2'])
    const res = await checkout(
      checkoutBody([
        { sku: 'LAST-1', quantity: 1 },
        { sku: 'LAST-2', quantity: 1 },
      ]),
    )
    expect([res.status, before, await inStock(['LAST-1', 'LAST-2'])]).toEqual([
      201,
      [
        ['LAST-1', 1],
        ['LAST-2', 1],
      ],
      [
        ['LAST-1', 0],
        ['LAST-2', 0],
      ],
    ])
  })

  it('should not refresh the in-stock flag of a product a checkout left units of (no statement for it)', async () => {
    await productWithStock(payload, api, staff, 'PLENTY-1', 900, 5)
    await queryRows(
      payload,
      undefined,
      sql`UPDATE search_products SET in_stock = 0 WHERE product_id IN (SELECT product_id FROM search_skus WHERE sku = ${'PLENTY-1'})`,
    )
    const res = await checkout(checkoutBody([{ sku: 'PLENTY-1', quantity: 1 }]))
    expect([res.status, await inStock(['PLENTY-1'])]).toEqual([201, [['PLENTY-1', 0]]])
  })
})

describe('GET /api/orders/lookup', () => {
  it('should show a guest their order with the token from checkout', async () => {
    const placed = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 1 }]))
    const { orderNumber } = placed.json.order
    const res = await api.get(`/orders/lookup?number=${orderNumber}&token=${placed.json.lookupToken}`)
    expect(res.status).toBe(200)
    expect(res.json.order).toMatchObject({ orderNumber, status: 'paid' })
  })

  it('should answer a wrong token exactly like an unknown number', async () => {
    const placed = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 1 }]))
    const wrong = await api.get(`/orders/lookup?number=${placed.json.order.orderNumber}&token=not-the-token`)
    const unknown = await api.get('/orders/lookup?number=IR-999999&token=not-the-token')
    expect([wrong.status, wrong.text]).toEqual([unknown.status, unknown.text])
  })
})

describe('POST /api/orders/lookup (number and email)', () => {
  beforeAll(async () => {
    await productWithStock(payload, api, staff, 'LOOKUP-1', 900, 5)
  })

  it('should show a guest their order by its number and the email it was placed with, in any case', async () => {
    const placed = await checkout({ ...checkoutBody([{ sku: 'LOOKUP-1', quantity: 1 }]), email: 'finder@example.com' })
    const { orderNumber } = placed.json.order
    const res = await api.post('/orders/lookup', { number: orderNumber.toLowerCase(), email: ' Finder@Example.com ' })
    expect(res.status).toBe(200)
    expect(res.json.order).toMatchObject({ orderNumber, status: 'paid', email: 'finder@example.com' })
    expect(res.json.order.lookupTokenHash).toBeUndefined()
  })

  it('should answer a wrong email exactly like an unknown number', async () => {
    const placed = await checkout({ ...checkoutBody([{ sku: 'LOOKUP-1', quantity: 1 }]), email: 'owner@example.com' })
    const wrong = await api.post('/orders/lookup', { number: placed.json.order.orderNumber, email: 'someone-else@example.com' })
    const unknown = await api.post('/orders/lookup', { number: 'IR-999999', email: 'owner@example.com' })
    expect(wrong.status).toBe(404)
    expect([wrong.status, wrong.text]).toEqual([unknown.status, unknown.text])
    expect(wrong.json.error.code).toBe('order_not_found')
  })

  it('should refuse a malformed look-up with a 400 naming each field', async () => {
    const res = await api.post('/orders/lookup', { number: 'twelve', email: 'not-an-email' })
    expect(res.status).toBe(400)
    expect(res.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'number'])
  })
})

describe('follow-up jobs', () => {
  it('should queue them in the transaction: none when it rolls back, one per job when it commits', async () => {
    const store = payloadCommerceStore(payload)
    const low = { type: 'stock.low', payload: { sku: 'MUG-1', available: 1, threshold: 2 } } as const
    const alerts = async () => (await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendLowStockAlert' } } })).totalDocs
    const before = await alerts()
    const rolledBack = store.withTransaction(async (tx) => {
      await tx.queueFollowUps([low])
      throw new Error('rolled back')
    })
    await expect(rolledBack).rejects.toThrow('rolled back')
    expect(await alerts()).toBe(before)
    await store.withTransaction((tx) => tx.queueFollowUps([low]))
    expect(await alerts()).toBe(before + 1)
  })
})

describe('POST /api/cart/quote', () => {
  it('should price lines, merge repeated SKUs and list problems', async () => {
    const res = await api.post('/cart/quote', {
      items: [
        { sku: 'TOWEL-1', quantity: 1 },
        { sku: 'TOWEL-1', quantity: 9 },
        { sku: 'NOPE-1', quantity: 1 },
      ],
    })
    expect(res.status).toBe(200)
    expect(JSON.stringify(res.json)).toContain('NOPE-1')
    expect(res.json.problems.length).toBeGreaterThanOrEqual(2)
  })

  it('should price with settings saved a moment ago (the cached settings follow a save)', async () => {
    const quote = async () => (await api.post('/cart/quote', { items: [{ sku: 'MUG-1', quantity: 1 }], shippingCountry: 'GB' })).json.totals.shipping
    expect(await quote()).toBe(395)
    expect(await quote()).toBe(395)
    const saved = await api.post('/globals/store-settings', { shipping: { flatRate: 450, freeOver: 5000, countries: ['GB', 'IE'] } }, { token: staff })
    expect(saved.status).toBe(200)
    try {
      expect(await quote()).toBe(450)
    } finally {
      await api.post('/globals/store-settings', { shipping: { flatRate: 395, freeOver: 5000, countries: ['GB', 'IE'] } }, { token: staff })
    }
    expect(await quote()).toBe(395)
  })
})

describe('POST /api/orders/:id/transition', () => {
  it('should refuse an illegal move with 409 naming the allowed moves', async () => {
    const placed = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 1 }]))
    const res = await api.post(`/orders/${placed.json.order.id}/transition`, { to: 'pending' }, { token: staff })
    expect(res.status).toBe(409)
    expect(res.json.error.message).toMatch(/fulfilled/)
  })

  it('should return the stock when staff cancel a paid order with restock', async () => {
    const before = await available(payload, 'MUG-1')
    const placed = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 2 }]))
    const res = await api.post(
      `/orders/${placed.json.order.id}/transition`,
      { to: 'cancelled', restock: true, note: 'Customer changed mind' },
      { token: staff },
    )
    expect(res.status).toBe(200)
    expect(await available(payload, 'MUG-1')).toBe(before)
    expect(await ledgerSum(payload, 'MUG-1')).toBe(before)
  })

  it('should refuse a customer with 403', async () => {
    const placed = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 1 }]))
    const customer = await customerToken(payload)
    const res = await api.post(`/orders/${placed.json.order.id}/transition`, { to: 'fulfilled' }, { token: customer.token })
    expect(res.status).toBe(403)
  })

  it('should store the payment, history and fulfilment each step wrote, in a record Payload reads and staff can still edit', async () => {
    const placed = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 1 }]))
    const id = placed.json.order.id
    const paid = await payload.findByID({ collection: 'orders', id, depth: 0 })
    expect(paid).toMatchObject({ status: 'paid', orderNumber: placed.json.order.orderNumber, reservationExpiresAt: null })
    expect(paid.payment).toMatchObject({ method: 'test-card', provider: 'test-card', state: 'paid', reference: expect.any(String) })
    expect(paid.statusHistory?.map((h) => [h.from, h.to])).toEqual([['pending', 'paid']])

    const shipped = await api.post(
      `/orders/${id}/transition`,
      { to: 'fulfilled', carrier: 'Royal Mail', trackingNumber: 'RM1GB', note: 'Packed' },
      { token: staff },
    )
    expect(shipped.status).toBe(200)
    const fulfilled = await payload.findByID({ collection: 'orders', id, depth: 0 })
    expect(fulfilled.status).toBe('fulfilled')
    expect(fulfilled.fulfilment).toMatchObject({ carrier: 'Royal Mail', trackingNumber: 'RM1GB', shippedAt: expect.any(String) })
    expect(fulfilled.statusHistory?.map((h) => [h.from, h.to, h.note])).toEqual([
      ['pending', 'paid', 'Payment approved (test-card)'],
      ['paid', 'fulfilled', 'Packed'],
    ])
    expect(new Set(fulfilled.statusHistory?.map((h) => h.id)).size).toBe(2)

    const noted = await api.patch(`/orders/${id}`, { internalNotes: 'Gift wrap' }, { token: staff })
    expect(noted.status).toBe(200)
    const after = await payload.findByID({ collection: 'orders', id, depth: 0 })
    expect(after.internalNotes).toBe('Gift wrap')
    expect(after.statusHistory?.map((h) => h.to)).toEqual(['paid', 'fulfilled'])
    expect(after.lines?.map((l) => l.sku)).toEqual(['MUG-1'])
  })

  it('should refuse a PATCH of status with 400 naming status', async () => {
    const placed = await checkout(checkoutBody([{ sku: 'MUG-1', quantity: 1 }]))
    const res = await api.patch(`/orders/${placed.json.order.id}`, { status: 'delivered' }, { token: staff })
    expect(res.status).toBe(400)
    expect(res.text).toContain('status')
  })
})
