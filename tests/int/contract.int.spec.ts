import { Validator } from '@seriousme/openapi-schema-validator'
import type { Payload } from 'payload'

import type { OpenApiDocument } from '../../src/endpoints/openapi/document'
import type { TestPayload } from '../helpers/payload'
import type { restClient } from '../helpers/rest'
import { address, bootShop, checkoutBody, customerToken, newKey, productWithStock } from '../helpers/shop'

// The OpenAPI document (GET /api/openapi.json) passes a validator, describes every endpoint the config lists, and every
// answer below, good input and bad, matches it: restClient checks each one (tests/helpers/openapi.ts).

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string
let doc: OpenApiDocument

beforeAll(async () => {
  ;({ app, payload, api, staff } = await bootShop())
  await productWithStock(payload, api, staff, 'CONTRACT-MUG', 1200, 20)
  doc = (await api.get('/openapi.json')).json
}, 120000)

afterAll(async () => {
  await app?.close()
})

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Record<string, unknown> })))

describe('the document', () => {
  it('should pass an OpenAPI 3.1 validator', async () => {
    const result = await new Validator().validate(doc as never)
    expect(result.errors ?? []).toEqual([])
    expect([result.valid, doc.openapi]).toEqual([true, '3.1.0'])
  })

  it('should describe every endpoint the running config lists', () => {
    expect(operations().filter(({ op }) => op['x-undocumented'])).toEqual([])
  })

  it("should describe every collection's list, create, read, update and delete", () => {
    const paths = Object.keys(doc.paths)
    for (const { slug } of payload.config.collections.filter((c) => c.endpoints !== false)) {
      expect([slug, Object.keys(doc.paths[`/api/${slug}`] ?? {}).sort()]).toEqual([slug, ['delete', 'get', 'patch', 'post']])
      expect(paths).toContain(`/api/${slug}/{id}`)
    }
  })

  it("should take the checkout body from the handler's own zod schema", () => {
    const body = (doc.paths['/api/checkout'].post as any).requestBody.content['application/json'].schema
    expect(body.required).toEqual(expect.arrayContaining(['items', 'email', 'shippingAddress', 'paymentMethod']))
    expect(body.properties.paymentMethod.enum).toEqual(['manual', 'test-card'])
    expect((doc.paths['/api/checkout'].post as any).responses['409'].description).toMatch(/insufficient_stock/)
  })
})

describe('collection endpoints, every collection', () => {
  it.each(['products', 'categories', 'media', 'inventory', 'orders', 'customers', 'users'])(
    'should answer %s list, count, a missing id and a bad write as documented',
    async (slug) => {
      expect((await api.get(`/${slug}?limit=2&depth=1`, { token: staff })).status).toBe(200)
      expect((await api.get(`/${slug}/count`, { token: staff })).status).toBe(200)
      expect((await api.get(`/${slug}/999999`, { token: staff })).status).toBe(404)
      expect((await api.get(`/${slug}?where[nope][equals]=1`, { token: staff })).status).toBeGreaterThanOrEqual(400)
      expect((await api.post(`/${slug}`, { title: 1 })).status).toBeGreaterThanOrEqual(400)
    },
  )

  it('should answer the whole life of a product as documented', async () => {
    const created = await api.post('/products', { title: 'Contract lamp', price: 3000, sku: 'CONTRACT-LAMP', _status: 'published' }, { token: staff })
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    expect((await api.get(`/products/${id}?depth=2`)).status).toBe(200)
    expect((await api.patch(`/products/${id}`, { title: 'Contract lamp 2' }, { token: staff })).status).toBe(200)
    expect((await api.patch(`/products/${id}`, { price: 'free' }, { token: staff })).status).toBe(400)
    expect((await api.get(`/products/versions?where[parent][equals]=${id}`, { token: staff })).status).toBe(200)
    expect((await api.del(`/products/${id}`, { token: staff })).status).toBe(200)
  })

  it('should answer the store settings global and logins as documented', async () => {
    expect((await api.get('/globals/store-settings')).status).toBe(200)
    expect((await api.post('/users/login', { email: 'nobody@example.com', password: 'wrong-password' })).status).toBe(401)
    expect((await api.get('/users/me', { token: staff })).status).toBe(200)
    expect((await api.get('/nope')).status).toBe(404)
  })
})

describe('commerce endpoints, good and bad input', () => {
  it('should answer quotes as documented', async () => {
    expect((await api.post('/cart/quote', { items: [{ sku: 'CONTRACT-MUG', quantity: 2 }] })).status).toBe(200)
    expect((await api.post('/cart/quote', { items: [{ sku: 'NO-SUCH', quantity: 1 }] })).status).toBe(200)
    expect((await api.post('/cart/quote', { items: [] })).status).toBe(400)
  })

  it('should answer checkout, look-up, transition and their refusals as documented', async () => {
    const placed = await api.post('/checkout', checkoutBody([{ sku: 'CONTRACT-MUG', quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    expect(placed.status).toBe(201)
    const { order, lookupToken } = placed.json
    expect((await api.post('/checkout', checkoutBody([{ sku: 'CONTRACT-MUG', quantity: 999 }]), { headers: { 'idempotency-key': newKey() } })).status).toBe(409)
    expect((await api.post('/checkout', { items: [] }, { headers: { 'idempotency-key': newKey() } })).status).toBe(400)
    expect((await api.post('/checkout', checkoutBody([{ sku: 'CONTRACT-MUG', quantity: 1 }]))).status).toBe(400)

    expect((await api.get(`/orders/lookup?number=${order.orderNumber}&token=${lookupToken}`)).status).toBe(200)
    expect((await api.get(`/orders/lookup?number=${order.orderNumber}&token=wrong`)).status).toBe(404)
    expect((await api.get('/orders/lookup')).status).toBe(400)

    expect((await api.get(`/orders/${order.id}/invoice`, { token: staff })).status).toBe(409)
    expect((await api.post(`/orders/${order.id}/transition`, { to: 'cancelled', restock: true, note: 'Contract test' }, { token: staff })).status).toBe(200)
    expect((await api.post(`/orders/${order.id}/transition`, { to: 'pending' }, { token: staff })).status).toBe(409)
    expect((await api.post(`/orders/${order.id}/transition`, { to: 'delivered' })).status).toBe(401)
    expect((await api.get(`/orders/${order.id}/packing-slip`, { token: staff })).status).toBe(409)
    expect((await api.post(`/orders/${order.id}/transition`, { to: 'nowhere' }, { token: staff })).status).toBe(400)
  })

  it('should answer a customer reading their own orders as documented', async () => {
    const customer = await customerToken(payload)
    await api.post('/checkout', checkoutBody([{ sku: 'CONTRACT-MUG', quantity: 1 }], { email: customer.email, shippingAddress: address }), {
      token: customer.token,
      headers: { 'idempotency-key': newKey() },
    })
    expect((await api.get('/orders?depth=1', { token: customer.token })).status).toBe(200)
    expect((await api.get('/customers/me', { token: customer.token })).status).toBe(200)
  })

  it('should answer stock adjustments as documented', async () => {
    expect((await api.post('/inventory/adjust', { sku: 'CONTRACT-MUG', delta: 5, reason: 'Found a box' }, { token: staff })).status).toBe(200)
    expect((await api.post('/inventory/adjust', { sku: 'CONTRACT-MUG', delta: -500, reason: 'Too many' }, { token: staff })).status).toBe(409)
    expect((await api.post('/inventory/adjust', { sku: 'NO-SUCH', delta: 1, reason: 'x' }, { token: staff })).status).toBe(404)
    expect((await api.post('/inventory/adjust', { sku: 'CONTRACT-MUG', reason: 'x' }, { token: staff })).status).toBe(400)
    expect((await api.post('/inventory/adjust', { sku: 'CONTRACT-MUG', delta: 1, reason: 'x' })).status).toBe(401)
  })

  it('should answer search as documented', async () => {
    expect((await api.get('/search?q=mug')).status).toBe(200)
    expect((await api.get('/search?q=')).status).toBe(400)
  })

  it('should answer imports and exports as documented', async () => {
    expect((await api.get('/imports/export/products', { token: staff })).status).toBe(200)
    expect((await api.get('/imports/export/nothing', { token: staff })).status).toBe(404)
    expect((await api.get('/imports/999999/progress', { token: staff })).status).toBe(404)
    expect((await api.post('/imports/999999/apply', undefined, { token: staff })).status).toBe(404)
    expect((await api.get('/imports/1/progress')).status).toBe(401)
  })
})
