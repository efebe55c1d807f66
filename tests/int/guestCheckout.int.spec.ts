import type { Payload } from 'payload'

import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { cacheDisabled, http, startOpsServer, type HttpResult, type OpsServer } from '../helpers/opsServer'
import type { TestPayload } from '../helpers/payload'
import { available, checkoutBody, customerToken, ledgerSum, newKey, productWithStock } from '../helpers/shop'

// A guest's POST /api/checkout is answered by the CMS server itself (src/server/guestCheckout.ts). The same requests
// sent to a server that passes them to Payload's route must get the same answers.

let app: TestPayload
let payload: Payload
let own: OpsServer
let viaPayload: OpsServer

beforeAll(async () => {
  const { bootShop } = await import('../helpers/shop')
  const shop = await bootShop({ TRUSTED_PROXIES: '127.0.0.1,::1' })
  ;({ app, payload } = shop)
  await productWithStock(payload, shop.api, shop.staff, 'GUEST-1', 1200, 100)
  await productWithStock(payload, shop.api, shop.staff, 'GUEST-2', 800, 3)
  await productWithStock(payload, shop.api, shop.staff, 'GUEST-HOLD', 1000, 100)
  own = await startOpsServer(payload, { cache: cacheDisabled, limiter: memoryRateLimiter() })
  viaPayload = await startOpsServer(payload, { cache: cacheDisabled, limiter: memoryRateLimiter(), guestCheckout: null })
})

afterAll(async () => {
  await own?.close()
  await viaPayload?.close()
  await app?.close()
})

type Sent = { key?: string | null; body?: unknown; raw?: string; token?: string; address?: string }

function post(server: OpsServer, sent: Sent): Promise<HttpResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': sent.address ?? '203.0.113.50' }
  if (sent.key !== null) headers['idempotency-key'] = sent.key ?? newKey()
  if (sent.token) headers.authorization = `JWT ${sent.token}`
  return http(`${server.url}/api/checkout`, { method: 'POST', headers, body: sent.raw ?? JSON.stringify(sent.body) })
}

// What differs between two orders placed alike: their ids, numbers and look-up tokens.
const comparable = (res: HttpResult) => ({
  status: res.status,
  replayed: res.headers.get('idempotent-replayed'),
  contentType: res.headers.get('content-type'),
  cacheControl: res.headers.get('cache-control'),
  body: JSON.parse(res.text.replace(/"(id|orderNumber|lookupToken)":("[^"]*"|\d+)/g, '"$1":"…"')),
})

/** Sends `sent` to both servers (fresh keys for each, unless the case names one) and answers both results. */
async function both(sent: Sent | ((server: OpsServer) => Sent)) {
  const of = (server: OpsServer) => (typeof sent === 'function' ? sent(server) : sent)
  return { own: await post(own, of(own)), payload: await post(viaPayload, of(viaPayload)) }
}

const card = (quantity: number, extra: Record<string, unknown> = {}) => checkoutBody([{ sku: 'GUEST-1', quantity }], extra)

describe('a guest checkout answered by the CMS server', () => {
  it.each([
    ['an approved card', { body: card(1) }],
    ['a bank transfer', { body: card(1, { paymentMethod: 'manual', card: undefined }) }],
    ['a declined card', { body: card(1, { card: { number: '4000 0000 0000 0002' } }) }],
    ['more than is in stock', { body: checkoutBody([{ sku: 'GUEST-2', quantity: 50 }]) }],
    ['an unknown SKU', { body: checkoutBody([{ sku: 'NO-SUCH-SKU', quantity: 1 }]) }],
    ['a body that fails validation', { body: { items: [] } }],
    ['a stale expected total', { body: card(1, { expectedTotal: 1 }) }],
    ['no Idempotency-Key', { key: null, body: card(1) }],
    ['a malformed Idempotency-Key', { key: 'x'.repeat(300), body: card(1) }],
    ['an empty body', { raw: '' }],
    ['JSON after a byte-order mark', { raw: `\uFEFF${JSON.stringify(card(1))}` }],
  ] as [string, Sent][])('should answer %s as Payload’s route does', async (_name, sent) => {
    const answers = await both(sent)
    expect(comparable(answers.own)).toEqual(comparable(answers.payload))
    expect(answers.own.headers.get('x-request-id')).toBeTruthy()
    expect(answers.own.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('should replay a key’s first answer, marked, and refuse the key with another body, as Payload’s route does', async () => {
    const keys = { own: newKey(), payload: newKey() }
    const keyOf = (server: OpsServer) => (server === own ? keys.own : keys.payload)
    const first = await both((server) => ({ key: keyOf(server), body: card(2) }))
    const again = await both((server) => ({ key: keyOf(server), body: card(2) }))
    const other = await both((server) => ({ key: keyOf(server), body: card(3) }))
    expect(comparable(again.own)).toEqual(comparable(again.payload))
    expect(comparable(other.own)).toEqual(comparable(other.payload))
    expect([first.own.status, again.own.status, again.own.headers.get('idempotent-replayed'), other.own.status]).toEqual([201, 201, 'true', 422])
    expect(again.own.json.order.id).toBe(first.own.json.order.id)
    expect(again.own.json.lookupToken).toBe(first.own.json.lookupToken)
  })

  it('should place the order without Payload’s route, and take the stock with its ledger rows', async () => {
    const calls = own.next.calls
    const before = await available(payload, 'GUEST-1')
    const res = await post(own, { body: card(2) })
    expect(res.status).toBe(201)
    expect(own.next.calls).toBe(calls)
    const order = await payload.findByID({ collection: 'orders', id: res.json.order.id, depth: 0, overrideAccess: true })
    expect([order.status, order.customer ?? null, order.email]).toEqual(['paid', null, 'shopper@example.com'])
    expect(await available(payload, 'GUEST-1')).toBe(before - 2)
    expect(await ledgerSum(payload, 'GUEST-1')).toBe(before - 2)
  })

  it('should send a logged-in customer’s checkout to Payload’s route, which links the order to them', async () => {
    const customer = await customerToken(payload)
    const calls = own.next.calls
    const res = await post(own, { body: card(1, { email: customer.email }), token: customer.token })
    expect(res.status).toBe(201)
    expect(own.next.calls).toBe(calls + 1)
    const order = await payload.findByID({ collection: 'orders', id: res.json.order.id, depth: 0, overrideAccess: true })
    expect(order.customer).toBe(customer.id)
  })

  it('should hold the client’s address to its cap on unpaid orders, as resolved by the server', async () => {
    const transfer = (quantity: number, email: string, address: string) => ({
      body: checkoutBody([{ sku: 'GUEST-HOLD', quantity }], { paymentMethod: 'manual', card: undefined, email }),
      address,
    })
    const first = await post(own, transfer(20, 'a@example.com', '198.51.100.8'))
    const second = await post(own, transfer(20, 'b@example.com', '198.51.100.8'))
    const elsewhere = await post(own, transfer(5, 'c@example.com', '198.51.100.9'))
    expect([first.status, second.status, second.json.error?.details?.scope, elsewhere.status]).toEqual([201, 409, 'address', 201])
  })
})
