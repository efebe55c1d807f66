import type { IncomingMessage, ServerResponse } from 'node:http'

import type { GuardRefusal, GuardRequest, RequestGuard } from '../guard'
import { CLIENT_ADDRESS_HEADER, signClientAddress, verifyClientAddress } from '../commerce/clientAddressSignature'
import { answerJson, bodyOf, lowLimits, rawRequest, startHandlerServer, type HandlerServer } from '../../tests/helpers/handlerServer'

// The CMS's front handler over real HTTP, with a stand-in for Next that answers like Payload's routes.
let calls: string[]
let lastClientAddress: unknown
let seenBodies: string[]
let server: HandlerServer

async function fakeNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  calls.push(`${req.method} ${req.url}`)
  lastClientAddress = req.headers[CLIENT_ADDRESS_HEADER]
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname === '/api/broken') throw new Error('boom')
  if (url.pathname === '/api/half') {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.write('{"docs":')
    throw new Error('failed half way')
  }
  if (url.pathname === '/api/inventory') {
    res.setHeader('content-type', 'application/json')
    res.write('{"docs":', 'utf8')
    res.write(Buffer.from(`[{"available":${calls.length}}]`))
    res.end('}')
    return
  }
  if (url.pathname === '/api/categories') return answerJson(res, 200, { call: calls.length }, { 'set-cookie': 'session=1' })
  if (url.pathname === '/api/products' && url.searchParams.has('private')) return answerJson(res, 200, { call: calls.length }, { 'cache-control': 'private' })
  if (req.method === 'GET') return answerJson(res, 200, { docs: [{ title: 'Orwell Lamp' }], call: calls.length })
  const body = await bodyOf(req)
  seenBodies.push(body)
  if (url.pathname === '/api/graphql') {
    const failing = body.includes('failing')
    return answerJson(res, 200, failing ? { errors: [{ message: 'nope' }] } : { data: { call: calls.length } })
  }
  return answerJson(res, 200, { received: JSON.parse(body || 'null') })
}

beforeEach(async () => {
  calls = []
  seenBodies = []
  server = await startHandlerServer(fakeNext)
})

afterEach(async () => {
  await server.close()
})

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers })
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('health', () => {
  it('should answer liveness with 200 ok without asking Next', async () => {
    const res = await get('/api/health')
    expect([res.status, await res.json(), res.headers.get('cache-control')]).toEqual([200, { status: 'ok' }, 'no-store'])
    expect(calls).toEqual([])
  })

  it('should answer readiness with its checks, and 503 shutting_down with Connection: close once shutdown began', async () => {
    const ready = await get('/api/health/ready')
    server.state.shuttingDown = true
    const stopping = await rawRequest(`${server.url}/api/health/ready`)
    expect([ready.status, (await ready.json()).checks.database.status]).toEqual([200, 'up'])
    expect(stopping).toMatchObject({ status: 503, headers: { connection: 'close' } })
    expect(JSON.parse((stopping as { text: string }).text).status).toBe('shutting_down')
  })
})

describe('request ids', () => {
  it('should echo a well-formed X-Request-Id to the client and to Next, and make one up for a malformed one', async () => {
    const given = await get('/api/products', { 'x-request-id': 'trace-abc.123' })
    const made = await get('/api/health', { 'x-request-id': 'bad id with spaces' })
    expect(given.headers.get('x-request-id')).toBe('trace-abc.123')
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('the client address', () => {
  it('should hand Next the address the limits use, signed, replacing one the client sent', async () => {
    await post('/api/checkout', {}, { [CLIENT_ADDRESS_HEADER]: '6.6.6.6', 'x-forwarded-for': '203.0.113.9' })
    expect(verifyClientAddress(String(lastClientAddress), 'unit-client-address-secret-0123456789abcdef')).toBe('203.0.113.9')
  })
})

describe('the read cache', () => {
  it('should answer a repeated anonymous read from memory with the first body, without asking Next again', async () => {
    const first = await get('/api/products?limit=5&depth=1')
    const second = await get('/api/products?depth=1&limit=5')
    expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['MISS', 'HIT'])
    expect(await second.text()).toBe(await first.text())
    expect(second.headers.get('content-length')).toBe(String(JSON.stringify({ docs: [{ title: 'Orwell Lamp' }], call: 1 }).length))
    expect(calls).toHaveLength(1)
  })

  it('should send a hit from memory with every header the first answer had, its own request id, and log it as a hit', async () => {
    const first = await get('/api/products?limit=7', { 'x-request-id': 'miss-1' })
    const second = await get('/api/products?limit=7', { 'x-request-id': 'hit-1' })
    const headersOf = (r: Response) => Object.fromEntries([...r.headers].filter(([name]) => !['date', 'x-cache', 'x-request-id'].includes(name)))
    expect(headersOf(second)).toEqual(headersOf(first))
    expect(second.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(second.headers.get('x-frame-options')).toBe('DENY')
    expect([second.headers.get('x-request-id'), second.headers.get('x-cache')]).toEqual(['hit-1', 'HIT'])
    for (let i = 0; i < 100 && !server.lines.some((l) => l.reqId === 'hit-1'); i++) await new Promise((r) => setTimeout(r, 10))
    expect(server.lines.find((l) => l.reqId === 'hit-1')).toMatchObject({ status: 200, cache: 'HIT', route: '/api/products' })
  })

  it('should answer a hit asked with If-None-Match of its ETag with 304', async () => {
    const first = await get('/api/products?limit=8')
    const etag = first.headers.get('etag')!
    const unchanged = await get('/api/products?limit=8', { 'if-none-match': etag })
    expect([unchanged.status, unchanged.headers.get('etag')]).toEqual([304, etag])
    expect(calls).toHaveLength(1)
  })

  it('should store a response written in pieces with write() and replay it byte for byte', async () => {
    const first = await get('/api/inventory?where[sku][equals]=A')
    const second = await get('/api/inventory?where[sku][equals]=A')
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(await second.json()).toEqual({ docs: [{ available: 1 }] })
    expect(first.headers.get('content-type')).toBe(second.headers.get('content-type'))
  })

  it('should send reads with a bearer token or a login cookie to Next every time', async () => {
    const authed = await get('/api/products?limit=3', { authorization: 'JWT abc' })
    const cookie = await get('/api/products?limit=3', { cookie: 'payload-token=abc' })
    const again = await get('/api/products?limit=3', { authorization: 'JWT abc' })
    expect([authed, cookie, again].map((r) => r.headers.get('x-cache'))).toEqual([null, null, null])
    expect(calls).toHaveLength(3)
  })

  it('should never store an answer that sets a cookie or is marked private', async () => {
    await get('/api/categories')
    const cookie = await get('/api/categories')
    await get('/api/products?private=1')
    const privately = await get('/api/products?private=1')
    expect([cookie.headers.get('x-cache'), privately.headers.get('x-cache')]).toEqual(['MISS', 'MISS'])
    expect(calls).toHaveLength(4)
  })

  it('should send drafts and uncacheable collections straight to Next', async () => {
    await get('/api/products?draft=true')
    const draft = await get('/api/products?draft=true')
    const orders = await get('/api/orders')
    expect([draft.headers.get('x-cache'), orders.headers.get('x-cache')]).toEqual([null, null])
    expect(calls).toHaveLength(3)
  })

  it('should cache an anonymous GraphQL query however it is laid out, and give Next the body it read', async () => {
    const first = await post('/api/graphql', { query: '{ Products(limit: 2) { docs { title } } }' })
    const second = await post('/api/graphql', { query: 'query {\n  Products(limit: 2) { docs { title } }\n}' })
    expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['MISS', 'HIT'])
    expect(await second.json()).toEqual({ data: { call: 1 } })
    expect(seenBodies).toEqual([JSON.stringify({ query: '{ Products(limit: 2) { docs { title } } }' })])
  })

  it('should send a GraphQL hit from memory with every header its miss had, its own request id, and log it as a hit', async () => {
    const query = { query: '{ Products(limit: 4) { docs { title } } }' }
    const first = await post('/api/graphql', query, { 'x-request-id': 'gql-miss' })
    const second = await post('/api/graphql', query, { 'x-request-id': 'gql-hit' })
    const headersOf = (r: Response) => Object.fromEntries([...r.headers].filter(([name]) => !['date', 'x-cache', 'x-request-id'].includes(name)))
    expect(headersOf(second)).toEqual(headersOf(first))
    expect([second.headers.get('x-request-id'), second.headers.get('x-cache'), await second.text()]).toEqual(['gql-hit', 'HIT', await first.text()])
    for (let i = 0; i < 100 && !server.lines.some((l) => l.reqId === 'gql-hit'); i++) await new Promise((r) => setTimeout(r, 10))
    expect(server.lines.find((l) => l.reqId === 'gql-hit')).toMatchObject({ status: 200, cache: 'HIT', route: '/api/graphql' })
    expect(calls).toHaveLength(1)
  })

  it('should not store a GraphQL answer that carries errors, nor cache mutations', async () => {
    await post('/api/graphql', { query: '{ failing { id } }' })
    const failing = await post('/api/graphql', { query: '{ failing { id } }' })
    await post('/api/graphql', { query: 'mutation { logoutUser }' })
    const mutation = await post('/api/graphql', { query: 'mutation { logoutUser }' })
    expect([failing.headers.get('x-cache'), mutation.headers.get('x-cache')]).toEqual(['MISS', null])
    expect(calls).toHaveLength(4)
  })
})

describe('errors', () => {
  it('should answer 500 with a JSON error when Next throws before answering', async () => {
    const res = await get('/api/broken')
    expect(res.status).toBe(500)
    const message = 'Something went wrong on our side'
    expect(await res.json()).toEqual({ error: { code: 'internal_error', message }, errors: [{ message }] })
  })

  it('should cut the connection when Next throws after the answer has started', async () => {
    const res = await rawRequest(`${server.url}/api/half`)
    expect(res).toHaveProperty('error')
  })

  it('should log the failure with the request id', async () => {
    await get('/api/broken', { 'x-request-id': 'broken-1' })
    expect(server.lines.find((l) => l.msg === 'Request failed in the server')).toMatchObject({ reqId: 'broken-1', err: { message: 'boom' } })
  })
})

describe('metrics', () => {
  it('should serve Prometheus text on /metrics', async () => {
    const res = await get('/metrics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await res.text()).toMatch(/^# TYPE http_request_duration_seconds histogram$/m)
  })

  it('should refuse a scrape without the bearer token when one is set, and accept it with the token', async () => {
    await server.close()
    server = await startHandlerServer(fakeNext, { settings: { ...lowLimits, METRICS_TOKEN: 'scrape-token-123' } })
    const refused = await get('/metrics')
    const wrong = await get('/metrics', { authorization: 'Bearer scrape-token-124' })
    const allowed = await get('/metrics', { authorization: 'Bearer scrape-token-123' })
    expect([refused.status, wrong.status, allowed.status]).toEqual([401, 401, 200])
    expect(refused.headers.get('www-authenticate')).toBe('Bearer')
  })
})

describe('rate limits without a guard', () => {
  const from = (ip: string) => ({ 'x-forwarded-for': ip })

  it('should answer the third login from one address with 429, Retry-After and a JSON error, and pass the others to Next', async () => {
    const answers = []
    for (let i = 0; i < 3; i++) answers.push(await post('/api/users/login', { email: `someone-${i}@example.com`, password: 'x' }, from('10.0.0.1')))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429])
    expect(Number(answers[2].headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await answers[2].json()).error.code).toBe('rate_limited')
    expect(await answers[0].json()).toEqual({ received: { email: 'someone-0@example.com', password: 'x' } })
  })

  it('should not count logins to one account from different addresses together: nobody can lock another out', async () => {
    const answers = []
    for (let i = 0; i < 3; i++) answers.push(await post('/api/customers/login', { email: 'target@example.com' }, from(`10.0.1.${i}`)))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
  })

  it('should trust a signed client address over the socket and X-Forwarded-For, and ignore a forged one', async () => {
    const secret = 'unit-client-address-secret-0123456789abcdef'
    const signed = (address: string, key = secret) => ({ [CLIENT_ADDRESS_HEADER]: signClientAddress(address, key) })
    const first = [await post('/api/checkout', {}, signed('203.0.113.1')), await post('/api/checkout', {}, signed('203.0.113.1'))]
    const other = await post('/api/checkout', {}, signed('203.0.113.2'))
    const forged = await post('/api/checkout', {}, signed('203.0.113.3', 'not-the-secret-0123456789abcdef-0123'))
    expect([...first.map((a) => a.status), other.status, forged.status]).toEqual([200, 200, 200, 200])
    expect(await post('/api/checkout', {}, signed('203.0.113.1')).then((a) => a.status)).toBe(429)
  })

  it('should limit checkouts per address without reading their bodies', async () => {
    const answers = []
    for (let i = 0; i < 3; i++) answers.push(await post('/api/checkout', { items: [] }, from('10.0.2.1')))
    const elsewhere = await post('/api/checkout', { items: [] }, from('10.0.2.2'))
    expect([...answers.map((a) => a.status), elsewhere.status]).toEqual([200, 200, 429, 200])
  })

  it('should count GraphQL login mutations against the login limit', async () => {
    const login = () => post('/api/graphql', { query: 'mutation { loginUser(email: "gql@example.com", password: "x") { token } }' }, from('10.0.3.1'))
    const answers = [await login(), await login(), await login()]
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429])
  })
})

describe('the request guard', () => {
  const refusal = (code: string): GuardRefusal => ({ status: 400, body: { error: { code, message: `refused: ${code}` } } })
  const guard: RequestGuard = Object.assign(
    (req: GuardRequest) => {
      if (req.url.includes('refuse=head')) return refusal('bad_query')
      if (req.body && Buffer.from(req.body).toString('utf8').includes('"refuse"')) return refusal('bad_body')
      return null
    },
    { bodyLimit: () => 64 },
  )

  beforeEach(async () => {
    await server.close()
    server = await startHandlerServer(fakeNext, { guard })
  })

  it('should refuse a read whose query the guard refuses, before Next sees it', async () => {
    const res = await get('/api/orders?refuse=head')
    expect([res.status, (await res.json()).error.code]).toEqual([400, 'bad_query'])
    expect(calls).toEqual([])
  })

  it('should refuse a write whose head or body the guard refuses, before Next sees it', async () => {
    const head = await post('/api/products?refuse=head', { title: 'ok' })
    const body = await post('/api/products', { title: 'refuse' })
    expect([head.status, body.status]).toEqual([400, 400])
    expect((await body.json()).error.code).toBe('bad_body')
    expect(calls).toEqual([])
  })

  it('should pass an accepted write to Next with its body intact', async () => {
    const res = await post('/api/products', { title: 'Orwell Lamp' })
    expect(await res.json()).toEqual({ received: { title: 'Orwell Lamp' } })
  })

  it('should refuse a GraphQL body the guard refuses before Next sees it', async () => {
    const refused = await post('/api/graphql', { query: '{ Products { docs { title } } }', refuse: true })
    expect([refused.status, (await refused.json()).error.code]).toEqual([400, 'bad_body'])
    expect(calls).toEqual([])
  })

  it('should refuse a GraphQL query whose head the guard refuses, even once the query is in memory', async () => {
    const query = { query: '{ Products { docs { id } } }' }
    const stored = await post('/api/graphql', query)
    const again = await post('/api/graphql', query)
    const refused = await post('/api/graphql?refuse=head', query)
    expect([stored.headers.get('x-cache'), again.headers.get('x-cache'), refused.status]).toEqual(['MISS', 'HIT', 400])
    expect((await refused.json()).error.code).toBe('bad_query')
    expect(calls).toHaveLength(1)
  })

  it('should cut off a GraphQL body over the guard limit without passing it to Next', async () => {
    const res = await rawRequest(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ Products(where: { title: { equals: "${'x'.repeat(100_000)}" } }) { docs { id } } }` }),
    })
    expect(res).toHaveProperty('error')
    expect(calls).toEqual([])
  })

  it('should cut off a body over the guard limit without passing it to Next', async () => {
    const res = await rawRequest(`${server.url}/api/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(100_000) }),
    })
    expect(res).toHaveProperty('error')
    expect(calls).toEqual([])
  })
})

describe('allowed origins', () => {
  const origins = { isAllowed: (origin: string) => origin === 'https://cms.example', useInstead: 'https://cms.example' }

  beforeEach(async () => {
    await server.close()
    server = await startHandlerServer(fakeNext, { origins })
  })

  it('should send a cached read asked from an allowed origin with its CORS headers, and one from elsewhere without', async () => {
    await get('/api/products?limit=9')
    const allowed = await get('/api/products?limit=9', { origin: 'https://cms.example' })
    const other = await get('/api/products?limit=9', { origin: 'https://elsewhere.example' })
    expect([allowed.headers.get('x-cache'), other.headers.get('x-cache')]).toEqual(['HIT', 'HIT'])
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://cms.example')
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    expect(calls).toHaveLength(1)
  })

  it('should refuse a write from another origin with 403 naming the address to use, without asking Next', async () => {
    const res = await post('/api/products/1', { price: 100 }, { origin: 'http://127.0.0.1:8000' })
    const message = 'Requests from http://127.0.0.1:8000 are not accepted here: open the admin at https://cms.example'
    expect([res.status, await res.json()]).toEqual([403, { error: { code: 'origin_not_allowed', message }, errors: [{ message }] }])
    expect(calls).toEqual([])
  })

  it('should pass writes from an allowed origin or without one, and reads from anywhere', async () => {
    expect((await post('/api/products', { title: 'Lamp' }, { origin: 'https://cms.example' })).status).toBe(200)
    expect((await post('/api/products', { title: 'Lamp' })).status).toBe(200)
    expect((await get('/api/users/me', { origin: 'http://127.0.0.1:8000' })).status).toBe(200)
    expect(calls).toEqual(['POST /api/products', 'POST /api/products', 'GET /api/users/me'])
  })
})
