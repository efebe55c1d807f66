import type { Payload } from 'payload'

import type { TestPayload } from '../helpers/payload'
import type { restClient } from '../helpers/rest'
import { bootShop, checkoutBody, customerToken, newKey, productWithStock } from '../helpers/shop'
import { queryRows, sql } from '../../src/infra/sql'

// The admin's stock and order views: the stored stock status, names in the history, the print views.
let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string
let named: { id: number | string; token: string }

const SELLER = { legalName: 'Ipswich Retail Ltd', address: '1 Butter Market\nIpswich IP1 1BE', vatNumber: 'GB123456789' }

beforeAll(async () => {
  ;({ app, payload, api, staff } = await bootShop())
  const email = `nia-${Date.now()}@example.com`
  const user = await payload.create({
    collection: 'users',
    data: { email, password: 'staff-password-123', name: 'Nia Okafor', roles: ['admin'] },
    overrideAccess: true,
    context: { seed: true },
  })
  const { token } = await payload.login({ collection: 'users', data: { email, password: 'staff-password-123' } })
  named = { id: user.id, token: token! }
})

afterAll(async () => {
  await app.close()
})

async function stockRow(sku: string) {
  const found = await payload.find({ collection: 'inventory', where: { sku: { equals: sku } }, limit: 1, depth: 0 })
  return found.docs[0]!
}

async function statusOf(sku: string) {
  return (await stockRow(sku)).stockStatus
}

async function placePaidOrder(items: { sku: string; quantity: number }[]) {
  const res = await api.post('/checkout', checkoutBody(items), { headers: { 'idempotency-key': newKey() } })
  if (res.status !== 201) throw new Error(`checkout failed: ${res.status} ${res.text}`)
  return res.json.order as { id: number; orderNumber: string }
}

const move = (id: number | string, body: Record<string, unknown>, token = named.token) => api.post(`/orders/${id}/transition`, body, { token })

describe('the stored stock status', () => {
  it('should follow checkouts from ok to low to out', async () => {
    await productWithStock(payload, api, staff, 'STAT-CHK', 1000, 7)
    const seen = [await statusOf('STAT-CHK')]
    await placePaidOrder([{ sku: 'STAT-CHK', quantity: 2 }])
    seen.push(await statusOf('STAT-CHK'))
    await placePaidOrder([{ sku: 'STAT-CHK', quantity: 5 }])
    seen.push(await statusOf('STAT-CHK'))
    expect(seen).toEqual(['ok', 'low', 'out'])
  })

  it('should follow adjustments up and set-to-zero down', async () => {
    await productWithStock(payload, api, staff, 'STAT-ADJ', 1000, 0)
    const seen = [await statusOf('STAT-ADJ')]
    await api.post('/inventory/adjust', { sku: 'STAT-ADJ', delta: 3, reason: 'Delivery' }, { token: staff })
    seen.push(await statusOf('STAT-ADJ'))
    await api.post('/inventory/adjust', { sku: 'STAT-ADJ', delta: 20, reason: 'Delivery' }, { token: staff })
    seen.push(await statusOf('STAT-ADJ'))
    await api.post('/inventory/adjust', { sku: 'STAT-ADJ', setTo: 0, reason: 'Stock take' }, { token: staff })
    seen.push(await statusOf('STAT-ADJ'))
    expect(seen).toEqual(['out', 'low', 'ok', 'out'])
  })

  it('should go back to ok when a cancelled order returns its stock', async () => {
    await productWithStock(payload, api, staff, 'STAT-CAN', 1000, 8)
    const order = await placePaidOrder([{ sku: 'STAT-CAN', quantity: 8 }])
    const before = await statusOf('STAT-CAN')
    expect((await move(order.id, { to: 'cancelled', restock: true })).status).toBe(200)
    expect([before, await statusOf('STAT-CAN')]).toEqual(['out', 'ok'])
  })

  it('should follow a threshold edited in the admin', async () => {
    await productWithStock(payload, api, staff, 'STAT-THR', 1000, 10)
    const row = await stockRow('STAT-THR')
    const res = await api.patch(`/inventory/${row.id}`, { lowStockThreshold: 12 }, { token: staff })
    expect([res.status, await statusOf('STAT-THR')]).toEqual([200, 'low'])
  })

  it('should let the list filter by status', async () => {
    await productWithStock(payload, api, staff, 'STAT-LOW', 1000, 2)
    const res = await api.get('/inventory?where[stockStatus][equals]=low&where[sku][like]=STAT-&depth=0&limit=50', { token: staff })
    const skus = (res.json.docs as { sku: string }[]).map((d) => d.sku)
    expect([res.status, skus.includes('STAT-LOW'), skus.includes('STAT-ADJ')]).toEqual([200, true, false])
  })
})

describe('staff names in the order history', () => {
  it('should keep the name of the staff member who moved the order', async () => {
    await productWithStock(payload, api, staff, 'HIST-1', 1000, 5)
    const order = await placePaidOrder([{ sku: 'HIST-1', quantity: 1 }])
    await move(order.id, { to: 'fulfilled', carrier: 'Royal Mail', trackingNumber: 'RM1' })
    const doc = await payload.findByID({ collection: 'orders', id: order.id, depth: 0 })
    expect(doc.statusHistory?.at(-1)).toMatchObject({ to: 'fulfilled', by: String(named.id), byName: 'Nia Okafor' })
  })

  it('should name the staff member of a row written before names were kept', async () => {
    await productWithStock(payload, api, staff, 'HIST-2', 1000, 5)
    const order = await placePaidOrder([{ sku: 'HIST-2', quantity: 1 }])
    await move(order.id, { to: 'cancelled' })
    await queryRows(payload, undefined, sql`UPDATE orders_status_history SET by_name = NULL WHERE _parent_id = ${order.id}`)
    const res = await api.get(`/orders/${order.id}?depth=0`, { token: staff })
    expect(res.json.statusHistory.at(-1).byName).toBe('Nia Okafor')
  })
})

describe('the packing slip and VAT invoice', () => {
  let order: { id: number; orderNumber: string }

  beforeAll(async () => {
    const product = await payload.create({
      collection: 'products',
      data: {
        title: 'Gansey <b>&</b> Co',
        price: 3999,
        _status: 'published',
        variants: [
          {
            sku: 'PRINT-M',
            title: 'Medium Navy',
            options: [
              { name: 'Size', value: 'M' },
              { name: 'Colour', value: 'Navy' },
            ],
          },
        ],
      },
    })
    await api.post('/inventory/adjust', { sku: 'PRINT-M', delta: 5, reason: 'Delivery' }, { token: staff })
    order = await placePaidOrder([{ sku: 'PRINT-M', quantity: 2 }])
    expect(product.id).toBeDefined()
  })

  it('should refuse the invoice by name while the seller details are missing', async () => {
    const res = await api.get(`/orders/${order.id}/invoice`, { token: staff })
    expect([res.status, res.json.error.code, res.json.error.message]).toEqual([409, 'seller_details_missing', expect.stringContaining('vatNumber')])
  })

  it('should print a VAT invoice with the seller, each line split into net, VAT and gross, and the totals', async () => {
    await payload.updateGlobal({ slug: 'store-settings', data: { seller: SELLER } })
    const res = await api.get(`/orders/${order.id}/invoice`, { token: staff })
    // 2 × £39.99 = £79.98, free shipping over £50; VAT 7998 / 6 = 1333; net 6665
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
    for (const text of [order.orderNumber, 'GB123456789', 'Ipswich Retail Ltd', '£66.65', '20%', '£13.33', '£79.98', 'Size: M, Colour: Navy']) {
      expect(res.text).toContain(text)
    }
  })

  it('should escape what customers and staff typed', async () => {
    const res = await api.get(`/orders/${order.id}/invoice`, { token: staff })
    expect([res.text.includes('<b>&</b>'), res.text.includes('&#60;b&#62;&#38;&#60;/b&#62;')]).toEqual([false, true])
  })

  it('should print a packing slip with the address, SKUs, options and quantities and no prices', async () => {
    const res = await api.get(`/orders/${order.id}/packing-slip`, { token: staff })
    expect([
      res.status,
      res.text.includes('PRINT-M'),
      res.text.includes('Size: M, Colour: Navy'),
      res.text.includes('1 Tavern Street'),
      res.text.includes('£'),
    ]).toEqual([200, true, true, true, false])
  })

  it('should refuse anonymous requests with 401', async () => {
    const answers = await Promise.all([api.get(`/orders/${order.id}/invoice`), api.get(`/orders/${order.id}/packing-slip`)])
    expect(answers.map((a) => a.status)).toEqual([401, 401])
  })

  it('should refuse customers with 403', async () => {
    const customer = await customerToken(payload)
    const answers = await Promise.all([
      api.get(`/orders/${order.id}/invoice`, { token: customer.token }),
      api.get(`/orders/${order.id}/packing-slip`, { token: customer.token }),
    ])
    expect(answers.map((a) => a.status)).toEqual([403, 403])
  })

  it('should answer a browser tab with a page that gives the reason', async () => {
    const cancelled = await placePaidOrder([{ sku: 'PRINT-M', quantity: 1 }])
    await move(cancelled.id, { to: 'cancelled' })
    const res = await api.get(`/orders/${cancelled.id}/packing-slip`, { token: staff, headers: { accept: 'text/html' } })
    expect([res.status, res.headers.get('content-type'), res.text]).toEqual([409, 'text/html; charset=utf-8', expect.stringContaining(`is cancelled`)])
  })
})
