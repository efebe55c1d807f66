import type { Payload } from 'payload'

import { createReadCache, readCache, type ReadCache } from '../../src/infra/cache'
import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { closeRedis, createRedisClient } from '../../src/infra/redis'
import { startOpsServer, http, type OpsServer } from '../helpers/opsServer'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { hasRedisServer, startRedisServer, type TestRedis } from '../helpers/redisServer'
import { restClient } from '../helpers/rest'
import { checkoutBody, configureStore, newKey, productWithStock, staffToken } from '../helpers/shop'
import pino from 'pino'

const describeWithRedisServer = hasRedisServer() || process.env.CI === 'true' ? describe : describe.skip
if (!hasRedisServer()) console.warn('SKIPPED: ops read cache — /usr/bin/redis-server is not installed')

let redisServer: TestRedis
let app: TestPayload
let payload: Payload
let staff: string
let a: OpsServer
let b: OpsServer
let cacheB: ReadCache
let clientB: ReturnType<typeof createRedisClient>

/** Waits for something that crosses Redis pub/sub to show, failing with the last value after a while. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs
  let value = await read()
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50))
    value = await read()
  }
  return value
}

describeWithRedisServer('the read cache in front of Payload, on a real Redis', () => {
  beforeAll(async () => {
    redisServer = await startRedisServer()
    const prefix = `ir-test-${process.pid}:`
    app = await bootPayload({ REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: prefix, CACHE_VERSION_REFRESH_MS: '500' })
    payload = app.payload
    const api = await restClient(payload.config)
    await configureStore(payload)
    staff = (await staffToken(payload)).token
    await productWithStock(payload, api, staff, 'CACHE-1', 1500, 10, { title: 'Harbour Mug' })
    await productWithStock(payload, api, staff, 'CACHE-2', 900, 5, { title: 'Quay Towel' })
    clientB = createRedisClient(redisServer.url, 'instance-b')
    cacheB = createReadCache({
      client: clientB,
      subscriber: createRedisClient(redisServer.url, 'instance-b-subscriber'),
      prefix,
      maxBytes: 8 * 1024 * 1024,
      ttlSeconds: 600,
      refreshMs: 500,
      logger: pino({ level: 'silent' }),
    })
    a = await startOpsServer(payload, { cache: readCache(), limiter: memoryRateLimiter() })
    b = await startOpsServer(payload, { cache: cacheB, limiter: memoryRateLimiter() })
    await readCache().ready()
    await cacheB.ready()
  })

  afterAll(async () => {
    await a?.close()
    await b?.close()
    await cacheB?.close()
    clientB?.disconnect()
    await readCache().close()
    await closeRedis()
    await app?.close()
    await redisServer?.stop()
    // Let the clients' close and reconnect callbacks run before jest tears this file's globals down.
    await new Promise((r) => setTimeout(r, 500))
  })

  const bySlug = (server: OpsServer, slug: string, extra = '') => http(`${server.url}/api/products?where[slug][equals]=${slug}&depth=0${extra}`)

  it('should answer the second anonymous read from the cache with the same body', async () => {
    const first = await http(`${a.url}/api/products?limit=5&depth=1`)
    const calls = a.next.calls
    const second = await http(`${a.url}/api/products?depth=1&limit=5`)
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(second.text).toBe(first.text)
    expect(a.next.calls).toBe(calls)
  })

  it('should never cache an authenticated read or a draft read', async () => {
    await http(`${a.url}/api/products?limit=3`)
    const authed = await http(`${a.url}/api/products?limit=3`, { token: staff })
    const draft = await http(`${a.url}/api/products?limit=3&draft=true`)
    const cookie = await http(`${a.url}/api/products?limit=3`, { headers: { cookie: `payload-token=${staff}` } })
    expect([authed.headers.get('x-cache'), draft.headers.get('x-cache'), cookie.headers.get('x-cache')]).toEqual([null, null, null])
  })

  it('should show an admin edit on the next read', async () => {
    const before = await bySlug(a, 'harbour-mug')
    await bySlug(a, 'harbour-mug')
    const id = before.json.docs[0].id
    const edit = await http(`${a.url}/api/products/${id}`, { method: 'PATCH', json: { title: 'Harbour Mug (blue)' }, token: staff })
    const after = await bySlug(a, 'harbour-mug')
    expect(edit.status).toBe(200)
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect(after.json.docs[0].title).toBe('Harbour Mug (blue)')
  })

  it('should show the stock a checkout took on the next inventory read', async () => {
    const url = `${a.url}/api/inventory?where[sku][equals]=CACHE-2&depth=0`
    expect((await http(url)).json.docs[0].available).toBe(5)
    expect((await http(url)).headers.get('x-cache')).toBe('HIT')
    const order = await http(`${a.url}/api/checkout`, {
      method: 'POST',
      json: checkoutBody([{ sku: 'CACHE-2', quantity: 2 }]),
      headers: { 'idempotency-key': newKey() },
    })
    const after = await http(url)
    expect(order.status).toBe(201)
    expect(after.json.docs[0].available).toBe(3)
  })

  it('should stop listing a product as soon as it is unpublished', async () => {
    const listed = await bySlug(a, 'quay-towel')
    await bySlug(a, 'quay-towel')
    await http(`${a.url}/api/products/${listed.json.docs[0].id}`, { method: 'PATCH', json: { _status: 'draft' }, token: staff })
    const after = await bySlug(a, 'quay-towel')
    expect(listed.json.totalDocs).toBe(1)
    expect(after.json.totalDocs).toBe(0)
  })

  it('should cache an anonymous GraphQL query whatever its whitespace, and drop it when a product changes', async () => {
    const query = (q: string) => http(`${a.url}/api/graphql`, { method: 'POST', json: { query: q } })
    const first = await query('{ Products(limit: 2) { docs { title price } } }')
    const second = await query('query {\n  Products(limit: 2) {\n    docs { title price }\n  }\n}')
    await payload.update({ collection: 'products', where: { sku: { equals: 'CACHE-1' } }, data: { price: 1600 } })
    const third = await query('{ Products(limit: 2) { docs { title price } } }')
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(third.headers.get('x-cache')).toBe('MISS')
  })

  it('should cache an anonymous search, and drop it when stock empties the in-stock facet', async () => {
    const made = await http(`${a.url}/api/products`, {
      method: 'POST',
      json: { title: 'Lighthouse Lamp', price: 2500, sku: 'CACHE-3', _status: 'published' },
      token: staff,
    })
    await http(`${a.url}/api/inventory/adjust`, { method: 'POST', json: { sku: 'CACHE-3', delta: 2, reason: 'Delivery' }, token: staff })
    const url = `${a.url}/api/search?q=lighthouse&inStock=true`
    const first = await http(url)
    const second = await http(url)
    await http(`${a.url}/api/inventory/adjust`, { method: 'POST', json: { sku: 'CACHE-3', delta: -2, reason: 'Damaged' }, token: staff })
    const after = await http(url)
    expect(made.status).toBe(201)
    expect([first.headers.get('x-cache'), second.headers.get('x-cache'), first.json.totalDocs]).toEqual(['MISS', 'HIT', 1])
    expect([after.headers.get('x-cache'), after.json.totalDocs]).toEqual(['MISS', 0])
  })

  it('should let a second instance sharing Redis see an edit made through the first', async () => {
    const warm = await bySlug(b, 'harbour-mug')
    expect((await bySlug(b, 'harbour-mug')).headers.get('x-cache')).toBe('HIT')
    await http(`${a.url}/api/products/${warm.json.docs[0].id}`, { method: 'PATCH', json: { title: 'Harbour Mug (green)' }, token: staff })
    const seen = await eventually(
      () => bySlug(b, 'harbour-mug'),
      (r) => r.json.docs[0].title === 'Harbour Mug (green)',
    )
    expect(seen.json.docs[0].title).toBe('Harbour Mug (green)')
  })

  it('should let the first instance see a stock change made through the second', async () => {
    const url = (s: OpsServer) => `${s.url}/api/inventory?where[sku][equals]=CACHE-1&depth=0`
    const before = (await http(url(a))).json.docs[0].available
    await http(url(a))
    await http(`${b.url}/api/checkout`, { method: 'POST', json: checkoutBody([{ sku: 'CACHE-1', quantity: 1 }]), headers: { 'idempotency-key': newKey() } })
    const seen = await eventually(
      () => http(url(a)),
      (r) => r.json.docs[0].available === before - 1,
    )
    expect(seen.json.docs[0].available).toBe(before - 1)
  })

  it('should keep answering 200 with Redis gone, report it in readiness, and cache again once it is back', async () => {
    await redisServer.stop()
    const reads = await Promise.all([1, 2, 3].map(() => http(`${a.url}/api/products?limit=2&depth=0`)))
    const down = await http(`${a.url}/api/health/ready`)
    await redisServer.start()
    await readCache().ready(10_000)
    const up = await eventually(
      () => http(`${a.url}/api/health/ready`),
      (r) => r.status === 200,
      10_000,
    )
    await http(`${a.url}/api/products?limit=4&depth=0`)
    const cached = await http(`${a.url}/api/products?limit=4&depth=0`)
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200])
    expect(down.status).toBe(503)
    expect(down.json.checks.redis.status).toBe('down')
    expect(down.json.checks.database.status).toBe('up')
    expect(up.status).toBe(200)
    expect(cached.headers.get('x-cache')).toBe('HIT')
  })
})
