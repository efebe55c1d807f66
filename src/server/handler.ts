import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'

import type { GuardRefusal, RequestGuard } from '../guard'
import { applyRequestTimeout } from '../guard/requestTimeout'
import { errorBody } from '../infra/apiErrors'
import type { ReadCache } from '../infra/cache'
import { stampClientAddress, type AddressSettings } from '../infra/clientAddress'
import type { Env } from '../infra/env'
import type { Readiness } from '../infra/health'
import { metrics } from '../infra/metrics'
import { hasBearerToken, serveMetrics, type MetricsText } from '../infra/metricsEndpoint'
import { originRefusalMessage, type AllowedOrigins } from '../infra/origins'
import { API_CONTENT_SECURITY_POLICY, isAdminPage, SECURITY_HEADERS } from '../infra/securityHeaders'
import type { RateLimiter } from '../infra/rateLimit'
import { serveApiDocs } from './apiDocs'
import { BodyTooLarge, readBody, replayRequest } from './body'
import { graphqlCacheKey, restCacheKey } from './cacheKey'
import { keepPrivate } from './capture'
import { applyCors } from './cors'
import { createMemoryAnswer, serveCachedRead, withoutGraphQLErrors, type Downstream } from './cachedRead'
import { accountOf, enforceLimit, graphqlLimitRule, restLimitRule } from './rateLimits'
import { createRequestLog, requestIdOf } from './requestLog'
import type { CatalogueReads } from './catalogueReads'
import type { GuestCheckout } from './guestCheckout'
import type { RouteTemplate } from './routes'

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | unknown

export type HandlerOptions = {
  next: NextHandler
  cache: ReadCache | null
  limiter: RateLimiter
  settings: Pick<
    Env,
    | 'RATE_LIMIT_LOGIN'
    | 'RATE_LIMIT_CHECKOUT'
    | 'RATE_LIMIT_QUOTE'
    | 'RATE_LIMIT_REGISTER'
    | 'RATE_LIMIT_LOOKUP'
    | 'RATE_LIMIT_WINDOW_SECONDS'
    | 'METRICS_TOKEN'
  >
  logger: Logger
  /** Writes the one line per request; defaults to `logger`. */
  requestLogger?: Logger
  routeTemplate: RouteTemplate
  readiness: () => Promise<Readiness>
  /** Payload's cookie prefix: `<prefix>-token` marks a logged-in browser. */
  cookiePrefix: string
  /** The request guard (src/guard): refuses inputs known to break Payload before Next sees them. */
  guard?: RequestGuard
  /** Browser origins allowed to write (src/infra/origins); a write sent from another origin is answered 403 naming the address to use. */
  origins?: Pick<AllowedOrigins, 'isAllowed' | 'useInstead'>
  /** Answer 503 when Next has not answered within this many ms (0: no limit). */
  requestTimeoutMs?: number
  state?: { shuttingDown: boolean }
  /** The secret the storefront signs shoppers' addresses with and TRUSTED_PROXIES (src/infra/clientAddress); defaults from env. */
  addresses?: AddressSettings
  /** Readiness answers `{status}` alone unless the request carries `Bearer $METRICS_TOKEN` (staging and production). */
  terseReadiness?: boolean
  /** The catalogue read model (src/server/catalogueReads.ts): answers anonymous product reads it can answer exactly. */
  catalogue?: CatalogueReads
  /** Answers a guest's POST /api/checkout without Next (src/server/guestCheckout.ts); without it Payload's route does. */
  guestCheckout?: GuestCheckout
  /** What GET /metrics answers; the process's registry by default (with the edge, its counts are added). */
  metricsText?: MetricsText
}

const BODY_LIMIT = 1024 * 1024
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH'])
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const splitUrl = (url: string): [string, string] => {
  const q = url.indexOf('?')
  return q === -1 ? [url, ''] : [url.slice(0, q), url.slice(q)]
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

const refuse = (res: ServerResponse, refusal: GuardRefusal) => sendJson(res, refusal.status, refusal.body, refusal.headers)

// Set when the head is written, unless the answer brought its own (print pages, uploads): Next keeps a header already
// on the response rather than the route's, so setting it up front would override theirs.
function defaultPolicy(res: ServerResponse, policy: string): void {
  const writeHead = res.writeHead
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.hasHeader('content-security-policy')) this.setHeader('content-security-policy', policy)
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['writeHead']
}

/** The CMS's request handler: health, metrics, the request guard, rate limits and the read cache in front of Next. */
export function createRequestHandler(options: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { cache, guard, logger: log, settings } = options
  const state = options.state ?? { shuttingDown: false }
  const tokenCookie = `${options.cookiePrefix}-token=`
  const requestLog = createRequestLog(options.requestLogger ?? log)
  const addressOf = new WeakMap<IncomingMessage, string>()
  const isAnonymous = (req: IncomingMessage) => !req.headers.authorization && !req.headers.cookie?.includes(tokenCookie)
  // What every API answer carries (set below for the others), under a stored answer's own headers.
  const answerFromMemory = cache ? createMemoryAnswer(cache, { ...SECURITY_HEADERS, 'content-security-policy': API_CONTENT_SECURITY_POLICY }) : null
  const toNext: Downstream = async (req, res) => {
    if (options.requestTimeoutMs) applyRequestTimeout(res, options.requestTimeoutMs)
    await options.next(req, res)
  }
  // A GET's head is checked only on its way to Next: a cache hit was stored from a 200 that had passed.
  const checkedToNext: Downstream = async (req, res) => {
    const refusal = guard?.({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers })
    if (refusal) return refuse(res, refusal)
    if (options.catalogue && isAnonymous(req) && (await options.catalogue.serve(req, res, ...splitUrl(req.url ?? '/')))) return
    await toNext(req, res)
  }
  const limited = async (req: IncomingMessage, res: ServerResponse, rule: ReturnType<typeof restLimitRule>, body: Buffer | null) => {
    if (!rule) return false
    const account = rule.perAccount && body ? accountOf(body, req.headers['content-type'], rule.accountField) : null
    return !(await enforceLimit(options.limiter, settings, rule, addressOf.get(req) ?? 'unknown', account, res))
  }

  // The most a body may be: the guard's limit for this request, else the server's.
  const bodyLimitOf = (req: IncomingMessage) =>
    guard ? guard.bodyLimit({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }) : BODY_LIMIT

  /** `body`: already read by the memory answer's GraphQL path (below), which found no entry for it. */
  async function dispatch(req: IncomingMessage, res: ServerResponse, pathname: string, search: string, preread?: Buffer): Promise<unknown> {
    const method = req.method ?? 'GET'
    if (pathname === '/api/health') return sendJson(res, 200, { status: 'ok' })
    if (pathname === '/api/health/ready') {
      const ready = await options.readiness()
      const status = state.shuttingDown ? 'shutting_down' : ready.status
      // Terse (status alone) in staging and production unless the caller holds the metrics token.
      const detailed = !options.terseReadiness || hasBearerToken(req, settings.METRICS_TOKEN)
      return sendJson(res, status === 'ok' ? 200 : 503, detailed ? { ...ready, status } : { status })
    }
    if (pathname === '/metrics') return serveMetrics(req, res, settings.METRICS_TOKEN, options.metricsText)
    if (applyCors(req, res, options.origins?.isAllowed)) return
    if (method === 'GET' && pathname.startsWith('/api/docs') && (await serveApiDocs(pathname, res))) return
    // Payload would drop the session of a write from another origin and answer a puzzling "not allowed": say where to go.
    const origin = req.headers.origin
    if (options.origins && origin && !SAFE_METHODS.has(method) && !options.origins.isAllowed(origin)) {
      const message = originRefusalMessage(options.origins, origin)
      return sendJson(res, 403, { ...errorBody('origin_not_allowed', message), errors: [{ message }] })
    }
    // Bad credentials are answered 401 by the route handlers themselves (src/guard/apiRoute.ts), under next start too.
    if (method === 'GET' && pathname.startsWith('/api/') && !isAnonymous(req)) keepPrivate(res)
    if (method === 'GET' && cache) {
      const cacheable = restCacheKey(pathname, search)
      if (cacheable && isAnonymous(req)) return serveCachedRead(cache, cacheable.group, cacheable.requestKey, req, res, checkedToNext)
      if (cacheable) metrics().cacheRequests.inc({ result: 'bypass', tier: 'memory' })
    }
    if (!WITH_BODY.has(method) || !pathname.startsWith('/api/')) {
      // Only the guest order look-up is limited among reads.
      if (await limited(req, res, restLimitRule(method, pathname), null)) return
      return checkedToNext(req, res)
    }

    // Bodies under /api are read once (for the guard, the GraphQL cache key, the login limit); Next gets a replay.
    const graphql = method === 'POST' && pathname === '/api/graphql'
    const rule = graphql ? null : restLimitRule(method, pathname)
    const url = req.url ?? '/'
    if (!guard && !graphql && !rule?.perAccount) return (await limited(req, res, rule, null)) ? undefined : toNext(req, res)
    const head = guard?.({ method, url, headers: req.headers })
    if (head) return refuse(res, head)
    const body = preread ?? (await readBody(req, bodyLimitOf(req)))
    const checked = async () => {
      const full = guard?.({ method, url, headers: req.headers, body })
      if (full) return (refuse(res, full), false)
      return !(await limited(req, res, graphql ? graphqlLimitRule(body.toString('utf8')) : rule, body))
    }
    // An anonymous catalogue listing the read model can answer exactly does not reach Payload.
    const catalogue = options.catalogue
    // Next gets a replay of the body, made only when a request goes on (a cache hit needs none).
    const toNextReplayed: Downstream = (r, s) => toNext(replayRequest(r, body), s)
    const guestCheckout = method === 'POST' && pathname === '/api/checkout' && isAnonymous(req) ? options.guestCheckout : undefined
    const downstream: Downstream =
      graphql && catalogue && isAnonymous(req)
        ? async (r, s) => void ((await catalogue.serveGraphQL(r, body, s)) || (await toNextReplayed(r, s)))
        : guestCheckout
          ? async (r, s) => {
              if (options.requestTimeoutMs) applyRequestTimeout(s, options.requestTimeoutMs)
              await guestCheckout(r, body, s)
            }
          : toNextReplayed
    // An anonymous query already in memory is answered first: its entry was stored from a 200 that passed the checks.
    const key = graphql && cache && isAnonymous(req) ? graphqlCacheKey(body) : null
    if (key !== null) return serveCachedRead(cache!, 'graphql', key, req, res, downstream, withoutGraphQLErrors, checked)
    if (await checked()) return downstream(req, res)
  }

  /** The full path: every header set, then `dispatch`; `readError` is the memory path's failure to read the body. */
  function answer(req: IncomingMessage, res: ServerResponse, id: string, pathname: string, search: string, body?: Buffer, readError?: unknown): void {
    res.setHeader('x-request-id', id)
    if (state.shuttingDown) res.setHeader('connection', 'close')
    // Every answer refuses framing and sniffing; admin pages get their nonce policy from src/middleware.ts instead.
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    if (!isAdminPage(pathname)) defaultPolicy(res, API_CONTENT_SECURITY_POLICY)
    const dispatched = readError === undefined ? dispatch(req, res, pathname, search, body) : Promise.reject(readError)
    dispatched.catch((err: unknown) => {
      if (err instanceof BodyTooLarge) return sendJson(res, 413, errorBody('payload_too_large', err.message))
      log.error({ err, reqId: id }, 'Request failed in the server')
      const message = 'Something went wrong on our side'
      if (!res.headersSent) sendJson(res, 500, { ...errorBody('internal_error', message), errors: [{ message }] })
      else res.destroy()
    })
  }

  return (req, res) => {
    const id = requestIdOf(req)
    // One address per request, resolved here and stamped signed for the limits, caps and logs behind (src/infra/clientAddress).
    const client = stampClientAddress(req, options.addresses)
    addressOf.set(req, client)
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const pathname = q === -1 ? url : url.slice(0, q)
    const search = q === -1 ? '' : url.slice(q)
    requestLog(req, res, id, options.routeTemplate(pathname), client)
    // An anonymous read in memory (no CORS, no shutdown to announce) is answered before anything else is set up.
    const fromMemory = answerFromMemory && !req.headers.origin && !state.shuttingDown && isAnonymous(req) ? answerFromMemory : null
    if (fromMemory && req.method === 'GET') {
      const cacheable = restCacheKey(pathname, search)
      if (cacheable && fromMemory(cacheable.group, cacheable.requestKey, req, res, id)) return
    }
    // A GraphQL query's key is in its body: read with the full path's limit, after the guard's look at the head; when
    // it is not in memory, the full path goes on with the body read.
    if (fromMemory && req.method === 'POST' && pathname === '/api/graphql' && !guard?.({ method: 'POST', url, headers: req.headers })) {
      readBody(req, bodyLimitOf(req)).then(
        (body) => {
          const key = graphqlCacheKey(body)
          if (key === null || !fromMemory('graphql', key, req, res, id)) answer(req, res, id, pathname, search, body)
        },
        (err: unknown) => answer(req, res, id, pathname, search, undefined, err),
      )
      return
    }
    answer(req, res, id, pathname, search)
  }
}
