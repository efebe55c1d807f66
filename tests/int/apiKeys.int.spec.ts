import { Writable } from 'node:stream'
import pino from 'pino'
import type { Payload } from 'payload'

import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { cacheDisabled, http, startOpsServer, type OpsServer } from '../helpers/opsServer'
import { apiKeyFor, available, bootShop, checkoutBody, customerToken, ledgerSum, newKey, productWithStock, staffToken } from '../helpers/shop'

// API keys, bad credentials and safe retries through the CMS's own front (src/server), as an integrator meets them.
let shop: Awaited<ReturnType<typeof bootShop>>
let payload: Payload
let server: OpsServer
let adminToken: string
const logLines: { msg: string; integration?: unknown }[] = []

const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line))
    done()
  },
})

const withKey = (header: string, init: Parameters<typeof http>[1] = {}) => ({ ...init, headers: { ...(init.headers as object), authorization: header } })

beforeAll(async () => {
  shop = await bootShop()
  payload = shop.payload
  server = await startOpsServer(payload, { cache: cacheDisabled, limiter: memoryRateLimiter(), logger: pino({ level: 'info' }, sink) })
  adminToken = (await staffToken(payload, 'admin')).token
})

afterAll(async () => {
  await server.close()
  await shop.app.close()
})

describe('API keys', () => {
  it('should refuse a catalogue:read key a write with 403 and an order read with 403', async () => {
    const key = await apiKeyFor(payload, ['catalogue:read'])
    const write = await http(`${server.url}/api/products`, withKey(key.header, { method: 'POST', json: { title: 'No', price: 100, sku: 'NO-1' } }))
    const orders = await http(`${server.url}/api/orders`, withKey(key.header))
    const drafts = await http(`${server.url}/api/products?draft=true`, withKey(key.header))
    expect([write.status, orders.status, drafts.status]).toEqual([403, 403, 200])
  })

  it('should refuse a key without inventory:write a stock adjustment with 403 naming the scope', async () => {
    const key = await apiKeyFor(payload, ['orders:read'])
    const res = await http(`${server.url}/api/inventory/adjust`, withKey(key.header, { method: 'POST', json: { sku: 'X', delta: 1, reason: 'x' } }))
    expect([res.status, res.json.error.code, res.json.error.details]).toEqual([403, 'forbidden', { scope: 'inventory:write' }])
  })

  it('should answer a revoked key with 401', async () => {
    const key = await apiKeyFor(payload, ['catalogue:read'])
    const before = await http(`${server.url}/api/products`, withKey(key.header))
    await http(`${server.url}/api/integrations/${key.id}`, { method: 'PATCH', token: adminToken, json: { active: false } })
    const after = await http(`${server.url}/api/products`, withKey(key.header))
    expect([before.status, after.status, after.json.error.code]).toEqual([200, 401, 'unauthorized'])
  })

  it('should answer a rotated key’s old value with 401 and accept the new one', async () => {
    const key = await apiKeyFor(payload, ['orders:read'])
    const rotated = await http(`${server.url}/api/integrations/${key.id}/rotate`, { method: 'POST', token: adminToken })
    const old = await http(`${server.url}/api/orders`, withKey(key.header))
    const fresh = await http(`${server.url}/api/orders`, withKey(rotated.json.header))
    expect([rotated.status, old.status, old.json.error.details.reason, fresh.status]).toEqual([200, 401, 'unknown_api_key', 200])
  })

  it('should let only admins rotate a key', async () => {
    const key = await apiKeyFor(payload, ['orders:read'])
    const merch = (await staffToken(payload, 'merchandiser')).token
    const res = await http(`${server.url}/api/integrations/${key.id}/rotate`, { method: 'POST', token: merch })
    expect(res.status).toBe(403)
  })

  it('should log each use of a key and stamp the integration’s lastUsedAt', async () => {
    const key = await apiKeyFor(payload, ['catalogue:read'])
    await http(`${server.url}/api/products`, withKey(key.header))
    const doc = await payload.findByID({ collection: 'integrations', id: key.id, overrideAccess: true })
    expect([logLines.filter((l) => l.msg === 'API key used' && l.integration === key.id).length, typeof doc.lastUsedAt]).toEqual([1, 'string'])
  })

  it('should honour a key over GraphQL with the same rights', async () => {
    const key = await apiKeyFor(payload, ['catalogue:read'])
    const res = await http(`${server.url}/api/graphql`, withKey(key.header, { method: 'POST', json: { query: '{ Orders { docs { id } } }' } }))
    expect([res.json.data?.Orders ?? null, res.json.errors?.[0]?.message]).toEqual([null, expect.stringMatching(/not allowed/i)])
  })
})

describe('bad credentials', () => {
  it('should answer a bad token with 401 in the error format, not as anonymous', async () => {
    const res = await http(`${server.url}/api/products`, { headers: { authorization: 'JWT not-a-real-token' } })
    expect([res.status, res.json.error.code, res.json.error.details.reason, res.headers.get('www-authenticate')]).toEqual([
      401,
      'unauthorized',
      'invalid_token',
      expect.stringContaining('Bearer'),
    ])
  })

  it('should answer an expired customer token at checkout with 401, and the same checkout without it as a guest', async () => {
    const { id } = await customerToken(payload)
    const jwt = await import('jose')
    const expired = await new jwt.SignJWT({ id, collection: 'customers', email: 'x@example.com' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(payload.secret))
    await productWithStock(payload, shop.api, shop.staff, 'GUEST-1', 1000, 5)
    const body = checkoutBody([{ sku: 'GUEST-1', quantity: 1 }])
    const key = newKey()
    const refused = await http(`${server.url}/api/checkout`, { method: 'POST', token: expired, json: body, headers: { 'idempotency-key': key } })
    const guest = await http(`${server.url}/api/checkout`, { method: 'POST', json: body, headers: { 'idempotency-key': key } })
    expect([refused.status, guest.status]).toEqual([401, 201])
  })

  it('should answer 403, not 401, to a known caller without the right', async () => {
    const { token } = await customerToken(payload)
    const res = await http(`${server.url}/api/inventory/adjust`, { method: 'POST', token, json: { sku: 'X', delta: 1, reason: 'x' } })
    expect(res.status).toBe(403)
  })
})

describe('bad credentials on the Next route handlers (next start, next dev)', () => {
  const restRequest = (authorization: string) => new Request('http://localhost:8000/api/products?limit=1', { headers: { authorization } })
  const slug = { params: Promise.resolve({ slug: ['products'] }) }

  it('should answer a bad Bearer token, an unknown users API-Key and a bad JWT over GraphQL with 401, and a good key with 200', async () => {
    const rest = await import('../../src/app/(payload)/api/[...slug]/route')
    const graphql = await import('../../src/app/(payload)/api/graphql/route')
    const key = await apiKeyFor(payload, ['catalogue:read'])
    const gql = new Request('http://localhost:8000/api/graphql', {
      method: 'POST',
      headers: { authorization: 'JWT not-a-real-token', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Products { totalDocs } }' }),
    })
    const answers = [
      await rest.GET(restRequest('Bearer not-a-real-token'), slug),
      await rest.GET(restRequest('users API-Key 00000000-0000-0000-0000-000000000000'), slug),
      await graphql.POST(gql),
      await rest.GET(restRequest(key.header), slug),
    ]
    const seen = await Promise.all(answers.map(async (r) => [r.status, ((await r.json()) as { error?: { code: string } }).error?.code ?? null]))
    expect(seen).toEqual([
      [401, 'unauthorized'],
      [401, 'unauthorized'],
      [401, 'unauthorized'],
      [200, null],
    ])
  })

  it('should let a browser client of an allowed origin read the 401', async () => {
    const rest = await import('../../src/app/(payload)/api/[...slug]/route')
    const request = new Request('http://localhost:8000/api/products', { headers: { authorization: 'JWT expired', origin: 'http://localhost:3000' } })
    const res = await rest.GET(request, slug)
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([401, 'http://localhost:3000'])
  })
})

describe('safe retries', () => {
  it('should count a retried delta adjustment once and replay its answer with Idempotent-Replayed', async () => {
    await productWithStock(payload, shop.api, shop.staff, 'RETRY-1', 1000, 5)
    const key = await apiKeyFor(payload, ['inventory:write'])
    const send = () =>
      http(
        `${server.url}/api/inventory/adjust`,
        withKey(key.header, { method: 'POST', json: { sku: 'RETRY-1', delta: 3, reason: 'delivery' }, headers: { 'idempotency-key': 'adj-1' } }),
      )
    const first = await send()
    const again = await send()
    expect([first.status, again.status, again.text, first.headers.get('idempotent-replayed'), again.headers.get('idempotent-replayed')]).toEqual([
      200,
      200,
      first.text,
      null,
      'true',
    ])
    expect([await available(payload, 'RETRY-1'), await ledgerSum(payload, 'RETRY-1')]).toEqual([8, 8])
  })

  it('should refuse the same key with another body with 422 idempotency_key_reused', async () => {
    await productWithStock(payload, shop.api, shop.staff, 'RETRY-2', 1000, 5)
    const send = (delta: number) =>
      http(`${server.url}/api/inventory/adjust`, {
        method: 'POST',
        token: shop.staff,
        json: { sku: 'RETRY-2', delta, reason: 'x' },
        headers: { 'idempotency-key': 'adj-2' },
      })
    await send(1)
    const reused = await send(2)
    expect([reused.status, reused.json.error.code, await available(payload, 'RETRY-2')]).toEqual([422, 'idempotency_key_reused', 6])
  })

  it('should move an order once for a retried transition, answering with the order both times', async () => {
    await productWithStock(payload, shop.api, shop.staff, 'RETRY-3', 1000, 5)
    const placed = await http(`${server.url}/api/checkout`, {
      method: 'POST',
      json: checkoutBody([{ sku: 'RETRY-3', quantity: 1 }]),
      headers: { 'idempotency-key': newKey() },
    })
    const fulfil = (await staffToken(payload, 'fulfilment')).token
    const send = () =>
      http(`${server.url}/api/orders/${placed.json.order.id}/transition`, {
        method: 'POST',
        token: fulfil,
        json: { to: 'cancelled' },
        headers: { 'idempotency-key': 'move-1' },
      })
    const first = await send()
    const again = await send()
    expect([first.status, first.json.order.status, again.text, again.headers.get('idempotent-replayed')]).toEqual([200, 'cancelled', first.text, 'true'])
  })

  it('should replay a checkout with its original answer even after the order was transitioned', async () => {
    await productWithStock(payload, shop.api, shop.staff, 'RETRY-4', 1000, 5)
    const key = newKey()
    const send = () =>
      http(`${server.url}/api/checkout`, { method: 'POST', json: checkoutBody([{ sku: 'RETRY-4', quantity: 1 }]), headers: { 'idempotency-key': key } })
    const first = await send()
    await http(`${server.url}/api/orders/${first.json.order.id}/transition`, { method: 'POST', token: adminToken, json: { to: 'cancelled' } })
    const again = await send()
    expect([first.status, again.status, again.text, again.headers.get('idempotent-replayed'), again.json.order.status]).toEqual([
      201,
      201,
      first.text,
      'true',
      first.json.order.status,
    ])
  })
})
