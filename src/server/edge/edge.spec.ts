import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net'

import { createReadCache, type ReadCache } from '../../infra/cache'
import { trustedProxyList, verifyClientAddress } from '../../infra/clientAddress'
import { createRouteTemplate } from '../routes'
import { createEdge, type Edge } from './edge'
import { answerJson, bodyOf, collectingLogger, rawRequest, startHandlerServer, type HandlerServer, type LogLine } from '../../../tests/helpers/handlerServer'
import { listenOnLoopback } from '../../../tests/helpers/listen'

// The edge (src/server/edge/edge.ts) in front of the CMS's own front (createRequestHandler with a stand-in for Next),
// both in process and over real sockets; its copy of the cache fed by ReadCache.share as startEdge feeds it across
// threads. What a client sees must not tell the two apart, except that a hit never reaches the CMS.
const SECRET = 'unit-client-address-secret-0123456789abcdef'
const addresses = { secret: SECRET, trustedProxies: trustedProxyList([]) }

let cms: HandlerServer
let cache: ReadCache
let edge: Edge
let edgeUrl: string
let closeEdge: () => Promise<void>
let edgeLines: LogLine[]
let seen: { url: string; headers: IncomingMessage['headers']; body: string }[]

async function fakeNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await bodyOf(req)
  seen.push({ url: req.url ?? '', headers: req.headers, body })
  if (req.url === '/api/graphql') return answerJson(res, 200, { data: { Products: { docs: [{ id: seen.length }] } } })
  if (req.url?.startsWith('/api/slow')) await new Promise((r) => setTimeout(r, 50))
  answerJson(res, 200, { docs: [{ id: seen.length }], url: req.url })
}

beforeEach(async () => {
  seen = []
  const log = collectingLogger()
  edgeLines = log.lines
  cache = createReadCache({ client: null, prefix: 'edge:', maxBytes: 1024 * 1024, ttlSeconds: 60, refreshMs: 1000, logger: log.logger })
  cms = await startHandlerServer(fakeNext, { cache, addresses })
  const port = Number(new URL(cms.url).port)
  edge = createEdge({
    upstream: { host: '127.0.0.1', port },
    maxBytes: 1024 * 1024,
    cookiePrefix: 'payload',
    routeTemplate: createRouteTemplate(['products', 'users', 'customers', 'orders'], ['store-settings']),
    requestLogger: log.logger,
    logger: log.logger,
    addresses,
  })
  cache.share({ versions: edge.versions, entry: edge.store, clear: edge.clear })
  const listening = await listenOnLoopback(edge.handle)
  edgeUrl = listening.url
  closeEdge = listening.close
})

afterEach(async () => {
  edge.close()
  await closeEdge()
  await cms.close()
})

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${edgeUrl}${path}`, { headers })
const graphql = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${edgeUrl}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) })
/** Lets the CMS's copy reach the edge (the same turn here; a message across threads in production). */
const settle = () => new Promise((r) => setImmediate(r))
const without = (headers: Headers, names: string[]) => [...headers].filter(([name]) => !names.includes(name))

describe('the edge', () => {
  it('should answer a read the CMS has stored without the CMS, with the same bytes and headers but its own request id', async () => {
    const miss = await get('/api/products?limit=2', { 'x-request-id': 'edge-1' })
    const missBody = await miss.text()
    await settle()
    const hit = await get('/api/products?limit=2', { 'x-request-id': 'edge-2' })
    expect(miss.headers.get('x-cache')).toBe('MISS')
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(await hit.text()).toBe(missBody)
    expect(seen).toHaveLength(1)
    expect(hit.headers.get('x-request-id')).toBe('edge-2')
    const ignored = ['x-request-id', 'x-cache', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']
    expect(without(hit.headers, ignored)).toEqual(without(miss.headers, ignored))
    // Logged once each: the miss by the CMS, the hit by the edge.
    expect(cms.lines.filter((l) => l.msg === 'request').map((l) => l.reqId)).toEqual(['edge-1'])
    expect(edgeLines.filter((l) => l.msg === 'request')).toEqual([
      expect.objectContaining({ reqId: 'edge-2', route: '/api/products', status: 200, cache: 'HIT', client: '127.0.0.1' }),
    ])
  })

  it('should go back to the CMS once a version the answer depends on is bumped', async () => {
    await (await get('/api/products?limit=3')).text()
    await settle()
    expect((await get('/api/products?limit=3')).headers.get('x-cache')).toBe('HIT')
    await cache.bump(['categories'])
    const after = await get('/api/products?limit=3')
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect(seen).toHaveLength(2)
  })

  it('should hand on, for the CMS to answer, what only the CMS may answer: credentials, a cross-origin read, a conditional read', async () => {
    const first = await get('/api/products?limit=4')
    const etag = first.headers.get('etag')!
    await settle()
    const conditional = await get('/api/products?limit=4', { 'if-none-match': etag })
    expect(conditional.status).toBe(304)
    const signedIn = await get('/api/products?limit=4', { authorization: 'users API-Key abc' })
    expect(signedIn.headers.get('x-cache')).toBeNull()
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
    const cookie = await get('/api/products?limit=4', { cookie: 'payload-token=abc' })
    expect(cookie.headers.get('x-cache')).toBeNull()
    const crossOrigin = await get('/api/products?limit=4', { origin: 'https://elsewhere.example' })
    expect(crossOrigin.headers.get('x-cache')).toBe('HIT') // answered by the CMS's own tier, with its CORS decision
    expect(edgeLines.filter((l) => l.msg === 'request')).toEqual([])
    expect(seen).toHaveLength(3)
  })

  it('should answer a GraphQL query it holds, and hand on one whose body is not plain JSON', async () => {
    await (await graphql('{ Products { docs { id } } }')).text()
    await settle()
    const hit = await graphql('query { Products { docs { id } } }')
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(await hit.json()).toEqual({ data: { Products: { docs: [{ id: 1 }] } } })
    const mutation = await graphql('mutation { createThing { id } }')
    expect(mutation.headers.get('x-cache')).toBeNull()
    // Handed on to the CMS, whose request guard decides about it (here there is none: it answers from its own tier).
    const text = await fetch(`${edgeUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-request-id': 'edge-4' },
      body: '{ "query": "{ Products { docs { id } } }" }',
    })
    await text.text()
    expect(cms.lines.find((l) => l.reqId === 'edge-4')).toMatchObject({ route: '/api/graphql' })
    expect(edgeLines.filter((l) => l.msg === 'request')).toHaveLength(1)
    expect(seen.map((s) => s.body)).toEqual([
      JSON.stringify({ query: '{ Products { docs { id } } }' }),
      JSON.stringify({ query: 'mutation { createThing { id } }' }),
    ])
  })

  it('should hand on a request as it came, with its id and the client address signed by the edge over any the client sent', async () => {
    const res = await fetch(`${edgeUrl}/api/orders?where[status][equals]=paid`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'edge-5', 'x-ipswich-client': 'forged', 'x-payload-http-method-override': 'GET' },
      body: '{"a":1}',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toBe('edge-5')
    const [request] = seen
    expect(request).toMatchObject({ url: '/api/orders?where[status][equals]=paid', body: '{"a":1}' })
    expect(request!.headers['x-request-id']).toBe('edge-5')
    expect(verifyClientAddress(request!.headers['x-ipswich-client'] as string, SECRET)).toBe('127.0.0.1')
    expect(cms.lines.find((l) => l.reqId === 'edge-5')).toMatchObject({ method: 'POST', client: '127.0.0.1' })
  })

  it('should send a read once more when the kept connection it went out on turns out closed', async () => {
    // A raw upstream: the first request on a connection is answered and the connection kept; the next request on it
    // is met with a reset, as when the other side closed it just as the request left. New connections are answered.
    const answered = new WeakSet<Socket>()
    const upstream = createTcpServer((socket) => {
      socket.on('data', () => {
        if (answered.has(socket)) return socket.resetAndDestroy()
        answered.add(socket)
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\nok')
      })
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    const raw = createEdge({
      upstream: { host: '127.0.0.1', port: (upstream.address() as AddressInfo).port },
      maxBytes: 1024,
      cookiePrefix: 'payload',
      routeTemplate: createRouteTemplate([], []),
      requestLogger: collectingLogger().logger,
      logger: collectingLogger().logger,
      addresses,
    })
    const front = await listenOnLoopback(raw.handle)
    try {
      const first = await rawRequest(`${front.url}/api/orders`)
      const second = await rawRequest(`${front.url}/api/orders`)
      expect([first, second]).toEqual([expect.objectContaining({ status: 200, text: 'ok' }), expect.objectContaining({ status: 200, text: 'ok' })])
    } finally {
      raw.close()
      await front.close()
      upstream.close()
    }
  })

  it('should answer 502 saying so when the CMS is not there', async () => {
    await cms.close()
    const res = await rawRequest(`${edgeUrl}/api/products`)
    expect(res).toMatchObject({ status: 502 })
    expect(JSON.parse((res as { text: string }).text)).toMatchObject({ error: { code: 'bad_gateway' } })
  })

  it('should close each connection after its answer once it drains', async () => {
    await (await get('/api/products?limit=6')).text()
    await settle()
    edge.drain()
    const hit = await rawRequest(`${edgeUrl}/api/products?limit=6`)
    const handedOn = await rawRequest(`${edgeUrl}/api/slow`)
    expect(hit).toMatchObject({ status: 200, headers: { connection: 'close' } })
    expect(handedOn).toMatchObject({ status: 200, headers: { connection: 'close' } })
  })

  it('should forget what it holds when the CMS clears its tier, and answer nothing while versions are not trusted', async () => {
    await (await get('/api/products?limit=7')).text()
    await settle()
    edge.clear()
    expect((await get('/api/products?limit=7')).headers.get('x-cache')).toBe('HIT') // from the CMS's tier, handed on
    await settle()
    expect(seen).toHaveLength(1)
    edge.versions(null)
    expect((await get('/api/products?limit=7')).headers.get('x-cache')).toBe('HIT')
    expect(edgeLines.filter((l) => l.msg === 'request')).toEqual([])
  })
})

describe('ReadCache.share', () => {
  it('should send the versions at once and on each bump, and every answer stored or served, but not the dashboard', async () => {
    const log = collectingLogger()
    const own = createReadCache({ client: null, prefix: 'share:', maxBytes: 1024 * 1024, ttlSeconds: 60, refreshMs: 1000, logger: log.logger })
    const sent: string[] = []
    own.share({
      versions: (tags) => sent.push(`versions ${tags?.products ?? 'null'}`),
      entry: (key) => sent.push(`entry ${key}`),
      clear: () => sent.push('clear'),
    })
    const entry = { status: 200, headers: {}, body: Buffer.from('{}'), size: 2 }
    const key = own.keyFor('products', '/api/products?')!
    await own.fill(key, async () => entry)
    own.memory(key)
    await own.fill(own.keyFor('dashboard', '2026-12-04')!, async () => entry)
    await own.bump(['products'])
    expect(sent).toEqual([`versions ${key.split(':')[1]}`, `entry ${key}`, `entry ${key}`, `versions ${own.keyFor('products', '')!.split(':')[1]}`])
    await own.close()
  })
})
