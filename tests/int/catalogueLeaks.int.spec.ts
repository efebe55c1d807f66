import type { Payload } from 'payload'

import { ledgerSum, productWithStock } from '../helpers/shop'
import type { TestPayload } from '../helpers/payload'

// Issue 18, low findings: draft titles read through the public inventory; a deleted product's SKU could not be reused.

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof import('../helpers/rest').restClient>>
let staff: string

beforeAll(async () => {
  const { bootShop } = await import('../helpers/shop')
  ;({ app, payload, api, staff } = await bootShop())
  await payload.create({ collection: 'products', data: { title: 'Secret Spring Launch', price: 100, sku: 'SECRET-1', _status: 'draft' } })
  await productWithStock(payload, api, staff, 'OPEN-1', 100, 3, { title: 'Open Lamp' })
})

afterAll(async () => {
  await app?.close()
})

describe('the public inventory', () => {
  it('should not find a draft product’s row by its title', async () => {
    const res = await api.get('/inventory?where[title][like]=Secret&depth=0')
    expect([res.status === 200 ? res.json.totalDocs : 0, res.text.includes('Secret Spring Launch')]).toEqual([0, false])
  })

  it('should not find a draft product’s row through the product’s title', async () => {
    const res = await api.get('/inventory?where[product.title][like]=Secret&depth=0')
    expect([res.json?.totalDocs ?? 0, res.text.includes('SECRET-1')]).toEqual([0, false])
  })

  it('should still show a published product’s stock without its title', async () => {
    const res = await api.get('/inventory?where[sku][equals]=OPEN-1&depth=0')
    expect([res.status, res.json.docs[0]?.available, res.json.docs[0]?.title]).toEqual([200, 3, undefined])
  })

  it('should show staff the draft product’s row with its title', async () => {
    const res = await api.get('/inventory?where[title][like]=Secret&depth=0', { token: staff })
    expect([res.status, res.json.docs[0]?.sku]).toEqual([200, 'SECRET-1'])
  })
})

describe('deleting a product', () => {
  it('should free its SKU for a new product', async () => {
    const old = await productWithStock(payload, api, staff, 'REUSE-1', 100, 0, { title: 'Old Kettle' })
    const deleted = await api.del(`/products/${old.id}`, { token: staff })
    const made = await api.post('/products', { title: 'New Kettle', price: 200, sku: 'REUSE-1', _status: 'published' }, { token: staff })
    expect([deleted.status, made.status]).toEqual([200, 201])
  })

  it('should zero the deleted SKU’s ledger so the new row starts from a true sum', async () => {
    const old = await productWithStock(payload, api, staff, 'REUSE-2', 100, 7, { title: 'Old Teapot' })
    await api.del(`/products/${old.id}`, { token: staff })
    await api.post('/products', { title: 'New Teapot', price: 200, sku: 'REUSE-2', _status: 'published' }, { token: staff })
    const row = await payload.find({ collection: 'inventory', where: { sku: { equals: 'REUSE-2' } }, overrideAccess: true })
    expect([row.docs[0]?.available, await ledgerSum(payload, 'REUSE-2')]).toEqual([0, 0])
  })
})
