import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Logger } from 'pino'

import { cacheKey, type CachedResponse, type CacheGroup, type GroupTags } from '../../infra/cache'
import { clientAddress, stampClientAddress, type AddressSettings } from '../../infra/clientAddress'
import { errorBody } from '../../infra/apiErrors'
import { SizedLru } from '../../infra/lru'
import { metrics } from '../../infra/metrics'
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../infra/securityHeaders'
import { mediaTypeOf } from '../../guard/body'
import { graphqlCacheKey, restCacheKey } from '../cacheKey'
import { createMemoryAnswer } from '../cachedRead'
import { createRequestLog, requestIdOf } from '../requestLog'
import type { RouteTemplate } from '../routes'

/**
 * The edge: the server on the CMS's public port, in a thread of its own (src/server/edge/worker.ts). It answers the
 * anonymous reads its copy of the in-process cache holds, exactly as the CMS's own front would (same bytes, same
 * headers, its own request id and log line), and hands every other request, unchanged, to the CMS's server on a
 * loopback port. A thread with a small heap and nothing else to do answers a hit at about the cost of a bare node:http
 * server; the CMS's thread carries Next, Payload and their heap (docs/performance.md, "The edge").
 *
 * Its copy is fed by the CMS (ReadCache.share): every change of versions, every answer stored or served there.
 */
export type EdgeOptions = {
  upstream: { host: string; port: number }
  maxBytes: number
  /** Payload's cookie prefix: `<prefix>-token` marks a logged-in browser, whose reads are never answered here. */
  cookiePrefix: string
  routeTemplate: RouteTemplate
  requestLogger: Logger
  /** Where hits' durations are counted (the edge's thread: by hand, added to /metrics); the registry's histogram by default. */
  durations?: Parameters<typeof createRequestLog>[1]
  logger: Logger
  addresses?: AddressSettings
}

/** A GraphQL query is looked up here only when its body is small and plain; anything else goes on as it came. */
const GRAPHQL_BODY_LIMIT = 64 * 1024
// Hop-by-hop headers (RFC 9110 7.6.1) are the two connections' own; `expect` is answered by this server.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'expect'])

const hasBody = (req: IncomingMessage) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0

export type Edge = {
  handle(req: IncomingMessage, res: ServerResponse): void
  versions(tags: GroupTags): void
  store(key: string, entry: CachedResponse): void
  clear(): void
  /** From now on every answer closes its connection (the process is stopping). */
  drain(): void
  close(): void
}

export function createEdge(options: EdgeOptions): Edge {
  const lru = new SizedLru<CachedResponse>(options.maxBytes)
  let tags: GroupTags = null
  let draining = false
  const memoryHits = metrics().cacheRequests.labels('hit', 'memory')
  const copy = {
    keyFor: (group: CacheGroup, requestKey: string) => (tags === null ? null : cacheKey(group, tags[group], requestKey)),
    memory(key: string) {
      const entry = lru.get(key)
      if (entry) memoryHits.inc()
      return entry
    },
  }
  const answer = createMemoryAnswer(copy, { ...SECURITY_HEADERS, 'content-security-policy': API_CONTENT_SECURITY_POLICY })
  const requestLog = createRequestLog(options.requestLogger, options.durations)
  const tokenCookie = `${options.cookiePrefix}-token=`
  const agent = new Agent({ keepAlive: true, scheduling: 'lifo' })

  const askable = (req: IncomingMessage) =>
    !draining &&
    req.headers['if-none-match'] === undefined &&
    req.headers.origin === undefined &&
    !req.headers.authorization &&
    !req.headers.cookie?.includes(tokenCookie)

  // A GraphQL POST whose head the request guard would pass as it is: the body is then all that decides.
  const plainGraphQL = (req: IncomingMessage) => {
    const declared = Number(req.headers['content-length'])
    return (
      req.url === '/api/graphql' &&
      mediaTypeOf(req.headers['content-type'] ?? '') === 'application/json' &&
      declared > 0 &&
      declared <= GRAPHQL_BODY_LIMIT &&
      req.headers['transfer-encoding'] === undefined &&
      req.headers['x-http-method-override'] === undefined &&
      req.headers['x-payload-http-method-override'] === undefined
    )
  }

  /** Hands the request to the CMS as it came (with its id and signed client address), and its answer back. */
  function forward(req: IncomingMessage, res: ServerResponse, body?: Buffer, retry = true): void {
    if (retry) stampClientAddress(req, options.addresses)
    const headers: IncomingHttpHeaders = {}
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value
    if (body && (body.length > 0 || req.headers['content-length'] !== undefined)) headers['content-length'] = String(body.length)
    const upstream = request({ ...options.upstream, method: req.method, path: req.url, headers, agent }, (answer) => {
      const head: string[] = []
      const raw = answer.rawHeaders
      for (let i = 0; i < raw.length; i += 2) if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) head.push(raw[i]!, raw[i + 1]!)
      if (draining) head.push('connection', 'close')
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, head)
      answer.pipe(res)
      answer.on('error', () => res.destroy())
    })
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      // A kept connection the CMS closed as this request went out: nothing reached it, so it is sent once more.
      if (retry && !res.headersSent && upstream.reusedSocket && err.code === 'ECONNRESET' && (body || !hasBody(req)))
        return forward(req, res, body ?? Buffer.alloc(0), false)
      if (res.headersSent) return void res.destroy()
      options.logger.error({ err, reqId: req.headers['x-request-id'] }, 'The CMS did not answer the edge')
      const message = 'The CMS is not answering; try again shortly'
      const text = JSON.stringify({ ...errorBody('bad_gateway', message), errors: [{ message }] })
      res.writeHead(502, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) })
      res.end(text)
    })
    // A client that goes away takes its request to the CMS with it (the CMS logs a 499).
    res.once('close', () => {
      if (!res.writableFinished) upstream.destroy()
    })
    if (body) upstream.end(body)
    else req.pipe(upstream)
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now()
    const id = requestIdOf(req)
    if (!askable(req) || tags === null) return forward(req, res)
    const url = req.url ?? '/'
    if (req.method === 'GET') {
      const q = url.indexOf('?')
      const pathname = q === -1 ? url : url.slice(0, q)
      const cacheable = restCacheKey(pathname, q === -1 ? '' : url.slice(q))
      if (cacheable && answer(cacheable.group, cacheable.requestKey, req, res, id))
        requestLog.answered(req, id, options.routeTemplate(pathname), clientAddress(req, options.addresses), started, res.statusCode, 'HIT')
      // Not here: the CMS answers it, and logs it.
      else forward(req, res)
      return
    }
    if (req.method !== 'POST' || !plainGraphQL(req)) return forward(req, res)
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('error', () => res.destroy())
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const key = graphqlCacheKey(body)
      if (key !== null && answer('graphql', key, req, res, id))
        requestLog.answered(req, id, options.routeTemplate('/api/graphql'), clientAddress(req, options.addresses), started, res.statusCode, 'HIT')
      else forward(req, res, body)
    })
  }

  return {
    handle,
    versions(next) {
      tags = next
    },
    store: (key, entry) => lru.set(key, entry),
    clear: () => lru.clear(),
    drain() {
      draining = true
    },
    close: () => agent.destroy(),
  }
}
