import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { checkoutBody, configureStore, newKey, productWithStock, staffToken } from '../helpers/shop'

// A stand-in storefront that records every revalidation request it receives.
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
  app = await bootPayload({ STOREFRONT_URL: `http://127.0.0.1:${port}`, REVALIDATE_SECRET: 'shh' })
  payload = app.payload
  api = await restClient(payload.config)
  await configureStore(payload)
  staff = (await staffToken(payload)).token
})

afterAll(async () => {
  await app.close()
  await new Promise((r) => storefront.close(r))
})

const allTags = () => received.flatMap((r) => r.tags)
async function until(tag: string) {
  for (let i = 0; i < 50 && !allTags().includes(tag); i++) await new Promise((r) => setTimeout(r, 50))
}

describe('storefront revalidation', () => {
  it('should revalidate a product’s page under its old and new slug when it is renamed', async () => {
    const product = await productWithStock(payload, api, staff, 'REVAL-1', 1000, 0)
    await api.patch(`/products/${product.id}`, { slug: 'renamed-mug' }, { token: staff })
    await until('product:renamed-mug')
    expect(allTags()).toEqual(expect.arrayContaining(['product:renamed-mug', `product:${product.slug}`, 'products']))
    expect(received.every((r) => r.secret === 'shh')).toBe(true)
  })

  it('should revalidate a SKU’s pages when a checkout changes its stock', async () => {
    await productWithStock(payload, api, staff, 'REVAL-2', 1000, 5)
    received.length = 0
    await api.post('/checkout', checkoutBody([{ sku: 'REVAL-2', quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    await until('sku:REVAL-2')
    expect(allTags()).toEqual(expect.arrayContaining(['sku:REVAL-2', 'inventory']))
  })

  it('should revalidate the settings when the store settings change', async () => {
    await api.post('/globals/store-settings', { storeName: 'Ipswich Retail Ltd' }, { token: staff })
    await until('settings')
    expect(allTags()).toContain('settings')
  })
})
