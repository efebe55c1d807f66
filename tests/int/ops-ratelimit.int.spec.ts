import type { Payload } from 'payload'

import { memoryRateLimiter, redisRateLimiter } from '../../src/infra/rateLimit'
import { createRedisClient } from '../../src/infra/redis'
import { metrics } from '../../src/infra/metrics'
import { cacheDisabled, http, startOpsServer, type OpsServer } from '../helpers/opsServer'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { hasRedisServer, startRedisServer, type TestRedis } from '../helpers/redisServer'
import { restClient } from '../helpers/rest'
import { checkoutBody, configureStore, newKey, productWithStock, staffToken } from '../helpers/shop'
import pino from 'pino'

let app: TestPayload
let payload: Payload
let server: OpsServer

// Limits on, low: three logins, two checkouts, quotes and registrations per address a minute.
beforeAll(async () => {
  app = await bootPayload({
    RATE_LIMIT_LOGIN: '3',
    RATE_LIMIT_CHECKOUT: '2',
    RATE_LIMIT_QUOTE: '2',
    RATE_LIMIT_REGISTER: '2',
    RATE_LIMIT_LOOKUP: '2',
    RATE_LIMIT_WINDOW_SECONDS: '60',
    TRUSTED_PROXIES: '127.0.0.1,::1',
  })
  payload = app.payload
  const api = await restClient(payload.config)
  await configureStore(payload)
  const staff = (await staffToken(payload)).token
  await productWithStock(payload, api, staff, 'LIMIT-1', 500, 50)
  server = await startOpsServer(payload, { cache: cacheDisabled, limiter: memoryRateLimiter() })
})

afterAll(async () => {
  await server?.close()
  await app?.close()
})

const from = (ip: string) => ({ 'x-forwarded-for': ip })
const login = (s: OpsServer, ip: string, email: string) =>
  http(`${s.url}/api/customers/login`, { method: 'POST', json: { email, password: 'wrong-password-1' }, headers: from(ip) })

describe('rate limits', () => {
  it('should answer the fourth login from one address with 429 and Retry-After', async () => {
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await login(server, '10.0.0.1', `someone-${i}@example.com`))
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429])
    expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0)
    expect(answers[3].json.error.code).toBe('rate_limited')
  })

  it('should not lock an account: bad logins to it from other addresses leave its owner able to log in', async () => {
    const owner = await payload.create({ collection: 'customers', data: { email: 'target@example.com', password: 'right-password-1' } })
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await login(server, `10.0.1.${i}`, 'Target@Example.com'))
    const own = await http(`${server.url}/api/customers/login`, {
      method: 'POST',
      json: { email: 'target@example.com', password: 'right-password-1' },
      headers: from('10.0.1.99'),
    })
    expect([...answers.map((a) => a.status), own.status]).toEqual([401, 401, 401, 401, 200])
    await payload.delete({ collection: 'customers', id: owner.id })
  })

  it('should limit checkouts per address and count the refusal as rate_limited', async () => {
    const before = (await metrics().checkoutRefusals.get()).values.find((v) => v.labels.reason === 'rate_limited')?.value ?? 0
    const answers = []
    for (let i = 0; i < 3; i++) {
      answers.push(
        await http(`${server.url}/api/checkout`, {
          method: 'POST',
          json: checkoutBody([{ sku: 'LIMIT-1', quantity: 1 }]),
          headers: { ...from('10.0.2.1'), 'idempotency-key': newKey() },
        }),
      )
    }
    const after = (await metrics().checkoutRefusals.get()).values.find((v) => v.labels.reason === 'rate_limited')?.value
    expect(answers.map((a) => a.status)).toEqual([201, 201, 429])
    expect(after).toBe(before + 1)
  })

  it('should limit cart quotes per address', async () => {
    const quote = () => http(`${server.url}/api/cart/quote`, { method: 'POST', json: { items: [{ sku: 'LIMIT-1', quantity: 1 }] }, headers: from('10.0.3.1') })
    const answers = [await quote(), await quote(), await quote()]
    const elsewhere = await http(`${server.url}/api/cart/quote`, {
      method: 'POST',
      json: { items: [{ sku: 'LIMIT-1', quantity: 1 }] },
      headers: from('10.0.3.2'),
    })
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429])
    expect(elsewhere.status).toBe(200)
  })

  it('should limit customer registrations per address', async () => {
    const register = (i: number) =>
      http(`${server.url}/api/customers`, {
        method: 'POST',
        json: { email: `new-${i}-${Date.now()}@example.com`, password: 'customer-password-1' },
        headers: from('10.0.4.1'),
      })
    const answers = [await register(1), await register(2), await register(3)]
    expect(answers.map((a) => a.status)).toEqual([201, 201, 429])
  })

  it('should count GraphQL logins against the same limit as REST ones', async () => {
    const gqlLogin = () =>
      http(`${server.url}/api/graphql`, {
        method: 'POST',
        json: {
          query: 'mutation($e: String!, $p: String!) { loginCustomer(email: $e, password: $p) { token } }',
          variables: { e: 'gql@example.com', p: 'wrong-password-1' },
        },
        headers: from('10.0.5.1'),
      })
    const answers = [await gqlLogin(), await gqlLogin(), await gqlLogin(), await gqlLogin()]
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429])
  })

  it('should limit guest order look-ups per address, by token and by email', async () => {
    const byToken = (ip: string) => http(`${server.url}/api/orders/lookup?number=IR-999999&token=guess`, { headers: from(ip) })
    const byEmail = (ip: string, number: string) =>
      http(`${server.url}/api/orders/lookup`, { method: 'POST', json: { number, email: 'guess@example.com' }, headers: from(ip) })
    const tokenAnswers = [await byToken('10.0.4.1'), await byToken('10.0.4.1'), await byToken('10.0.4.1')]
    expect(tokenAnswers.map((a) => a.status)).toEqual([404, 404, 429])
    expect(tokenAnswers[2].json.error.code).toBe('rate_limited')
    const emailAnswers = [await byEmail('10.0.5.1', 'IR-000001'), await byEmail('10.0.5.1', 'IR-000002'), await byEmail('10.0.5.1', 'IR-000003')]
    expect(emailAnswers.map((a) => a.status)).toEqual([404, 404, 429])
  })

  it('should limit look-ups of one order number from many addresses, so emails cannot be tried one after another', async () => {
    const answers = []
    for (let i = 0; i < 3; i++) {
      answers.push(
        await http(`${server.url}/api/orders/lookup`, {
          method: 'POST',
          json: { number: 'IR-000777', email: `guess-${i}@example.com` },
          headers: from(`10.0.6.${i}`),
        }),
      )
    }
    expect(answers.map((a) => a.status)).toEqual([404, 404, 429])
  })
})

const describeWithRedisServer = hasRedisServer() || process.env.CI === 'true' ? describe : describe.skip

describeWithRedisServer('rate limits shared through Redis', () => {
  let redisServer: TestRedis
  let first: OpsServer
  let second: OpsServer
  const clients: ReturnType<typeof createRedisClient>[] = []

  beforeAll(async () => {
    redisServer = await startRedisServer()
    const limiter = () => {
      const client = createRedisClient(redisServer.url, 'limits')
      clients.push(client)
      return redisRateLimiter(client, `ir-test-rl-${process.pid}:`, pino({ level: 'silent' }))
    }
    first = await startOpsServer(payload, { cache: cacheDisabled, limiter: limiter() })
    second = await startOpsServer(payload, { cache: cacheDisabled, limiter: limiter() })
    await new Promise((r) => setTimeout(r, 200))
  })

  afterAll(async () => {
    await first?.close()
    await second?.close()
    clients.forEach((c) => c.disconnect())
    await redisServer?.stop()
    // Let the clients' close callbacks run before jest tears this file's globals down.
    await new Promise((r) => setTimeout(r, 500))
  })

  it('should count attempts made on two instances together', async () => {
    const answers = [
      await login(first, '10.1.0.1', 'shared-a@example.com'),
      await login(second, '10.1.0.1', 'shared-b@example.com'),
      await login(first, '10.1.0.1', 'shared-c@example.com'),
      await login(second, '10.1.0.1', 'shared-d@example.com'),
    ]
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429])
  })
})
