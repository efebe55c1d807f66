import type { Payload } from 'payload'

import { CLIENT_ADDRESS_HEADER, signClientAddress } from '../../src/commerce/clientAddressSignature'
import { rateLimiter } from '../../src/infra/rateLimit'
import { cacheDisabled, http, startOpsServer, type OpsServer } from '../helpers/opsServer'
import { bootPayload, type TestPayload } from '../helpers/payload'

// The storefront calls the CMS from one address for every shopper; it names the shopper in a header signed with the
// secret both hold (src/commerce/clientAddressSignature.ts, the function the storefront itself uses). Ten logins per
// address a minute; SQLite with in-process limits, or PostgreSQL with Redis when TEST_DATABASE_URL and TEST_REDIS_URL are set.
const SECRET = 'integration-tests-client-address-0123456789abcdef'

let app: TestPayload
let payload: Payload
let server: OpsServer

beforeAll(async () => {
  app = await bootPayload({
    RATE_LIMIT_LOGIN: '10',
    RATE_LIMIT_WINDOW_SECONDS: '60',
    CLIENT_ADDRESS_SECRET: SECRET,
    REDIS_URL: process.env.TEST_REDIS_URL ?? '',
    REDIS_KEY_PREFIX: `addresses-${process.pid}-${Date.now()}:`,
  })
  payload = app.payload
  server = await startOpsServer(payload, { cache: cacheDisabled, limiter: rateLimiter() })
})

afterAll(async () => {
  await server?.close()
  await app?.close()
})

const signedAs = (address: string, secret = SECRET, at?: number) => ({ [CLIENT_ADDRESS_HEADER]: signClientAddress(address, secret, at) })
const login = (headers: Record<string, string>, email: string, password: string) =>
  http(`${server.url}/api/customers/login`, { method: 'POST', json: { email, password }, headers })
const badLogins = async (count: number, headersFor: (i: number) => Record<string, string>, tag: string) => {
  const statuses = []
  for (let i = 0; i < count; i++) statuses.push((await login(headersFor(i), `nobody-${tag}-${i}@example.com`, 'wrong-password-1')).status)
  return statuses
}

describe('signed client addresses', () => {
  it("should leave another shopper's login working after ten bad logins from one signed address", async () => {
    await payload.create({ collection: 'customers', data: { email: 'second-shopper@example.com', password: 'right-password-1' } })
    const first = await badLogins(11, () => signedAs('203.0.113.10'), 'first')
    const second = await login(signedAs('203.0.113.20'), 'second-shopper@example.com', 'right-password-1')
    expect([first, second.status, typeof second.json?.token]).toEqual([[...Array(10).fill(401), 429], 200, 'string'])
  })

  it('should count forged and expired signatures against the socket address, not the address they name', async () => {
    const forged = await badLogins(10, (i) => signedAs(`198.51.100.${i}`, 'a-guessed-secret-0123456789abcdef0123'), 'forged')
    const expired = await login(signedAs('198.51.100.200', SECRET, Math.floor(Date.now() / 1000) - 120), 'late@example.com', 'wrong-password-1')
    const fresh = await login(signedAs('198.51.100.201'), 'fresh@example.com', 'wrong-password-1')
    expect([forged, expired.status, fresh.status]).toEqual([Array(10).fill(401), 429, 401])
  })

  it('should count each aliased login of one GraphQL request against the address', async () => {
    const aliased = (n: number, address: string) =>
      http(`${server.url}/api/graphql`, {
        method: 'POST',
        json: {
          query: `mutation { ${Array.from({ length: n }, (_, i) => `a${i}: loginCustomer(email: "alias-${i}@example.com", password: "wrong-password-${i}") { token }`).join(' ')} }`,
        },
        headers: signedAs(address),
      })
    const five = await aliased(5, '192.0.2.50')
    const fifteen = await aliased(15, '192.0.2.51')
    expect([five.status, five.headers.get('ratelimit-remaining'), fifteen.status, fifteen.json?.error?.code]).toEqual([200, '5', 429, 'rate_limited'])
  })
})
