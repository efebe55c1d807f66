import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'

import type { ReadCache } from '../infra/cache'
import type { Env } from '../infra/env'
import type { Readiness } from '../infra/health'
import { redactUrl } from '../infra/logger'
import { metrics } from '../infra/metrics'
import type { RateLimiter } from '../infra/rateLimit'
import { BodyTooLarge, readBody, replayRequest } from './body'
import { graphqlCacheKey, restCacheKey } from './cacheKey'
import { serveCachedRead, withoutGraphQLErrors, type Downstream } from './cachedRead'
import { serveMetrics } from './metricsEndpoint'
import { accountOf, clientIp, enforceLimit, graphqlLimitRule, restLimitRule } from './rateLimits'
import type { RouteTemplate } from './routes'

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | unknown

export type HandlerOptions = {
  next: NextHandler
  cache: ReadCache | null
  limiter: RateLimiter
  settings: Pick<Env, 'RATE_LIMIT_LOGIN' | 'RATE_LIMIT_CHECKOUT' | 'RATE_LIMIT_QUOTE' | 'RATE_LIMIT_REGISTER' | 'RATE_LIMIT_WINDOW_SECONDS' | 'TRUST_PROXY_HOPS' | 'METRICS_TOKEN'>
  logger: Logger
  routeTemplate: RouteTemplate
  readiness: () => Promise<Readiness>
  /** Payload's cookie prefix: `<prefix>-token` marks a logged-in browser. */
  cookiePrefix: string
  state?: { shuttingDown: boolean }
}

const REQUEST_ID = /^[\w.:@-]{1,128}$/
const GRAPHQL_BODY_LIMIT = 1024 * 1024
const LOGIN_BODY_LIMIT = 64 * 1024

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

/** The CMS's request handler: health, metrics, rate limits and the read cache in front of Next. */
export function createRequestHandler(options: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { cache, logger: log, settings } = options
  const state = options.state ?? { shuttingDown: false }
  const tokenCookie = `${options.cookiePrefix}-token=`
  const httpDuration = metrics().httpDuration
  // One histogram child per method/route/status, resolved once rather than hashed per request.
  const durations = new Map<string, ReturnType<typeof httpDuration.labels>>()
  const durationFor = (method: string, route: string, status: string) => {
    const key = `${method} ${route} ${status}`
    let child = durations.get(key)
    if (!child) {
      child = httpDuration.labels(method, route, status)
      durations.set(key, child)
    }
    return child
  }
  const downstream: Downstream = async (req, res) => {
    await options.next(req, res)
  }
  const isAnonymous = (req: IncomingMessage) => !req.headers.authorization && !req.headers.cookie?.includes(tokenCookie)

  async function graphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, GRAPHQL_BODY_LIMIT)
    const replay = replayRequest(req, body)
    const rule = graphqlLimitRule(body.toString('utf8'))
    if (rule) {
      const account = rule.perAccount ? accountOf(body, 'application/json') : null
      if (!(await enforceLimit(options.limiter, settings, rule, clientIp(req, settings.TRUST_PROXY_HOPS), account, res))) return
    }
    const key = cache && isAnonymous(req) ? graphqlCacheKey(body) : null
    if (key === null) return downstream(replay, res)
    await serveCachedRead(cache!, 'graphql', key, replay, res, downstream, withoutGraphQLErrors)
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<unknown> {
    const method = req.method ?? 'GET'
    if (pathname === '/api/health') return sendJson(res, 200, { status: 'ok' })
    if (pathname === '/api/health/ready') {
      const ready = await options.readiness()
      const status = state.shuttingDown ? 'shutting_down' : ready.status
      return sendJson(res, status === 'ok' ? 200 : 503, { ...ready, status })
    }
    if (pathname === '/metrics') return serveMetrics(req, res, settings.METRICS_TOKEN)
    if (method === 'POST' && pathname === '/api/graphql') return graphql(req, res)
    const rule = restLimitRule(method, pathname)
    if (rule) {
      let forward = req
      let account: string | null = null
      if (rule.perAccount) {
        const body = await readBody(req, LOGIN_BODY_LIMIT)
        account = accountOf(body, req.headers['content-type'])
        forward = replayRequest(req, body)
      }
      if (!(await enforceLimit(options.limiter, settings, rule, clientIp(req, settings.TRUST_PROXY_HOPS), account, res))) return
      return downstream(forward, res)
    }
    if (method === 'GET' && cache) {
      const cacheable = restCacheKey(pathname, search)
      if (cacheable && isAnonymous(req)) return serveCachedRead(cache, cacheable.group, cacheable.requestKey, req, res, downstream)
      if (cacheable) metrics().cacheRequests.inc({ result: 'bypass', tier: 'memory' })
    }
    return downstream(req, res)
  }

  return (req, res) => {
    const started = performance.now()
    const offered = req.headers['x-request-id']
    const id = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID()
    req.headers['x-request-id'] = id
    res.setHeader('x-request-id', id)
    if (state.shuttingDown) res.setHeader('connection', 'close')
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const pathname = q === -1 ? url : url.slice(0, q)
    const route = options.routeTemplate(pathname)
    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000
      const status = res.writableFinished ? res.statusCode : 499
      durationFor(req.method ?? 'GET', route, String(status)).observe(seconds)
      log.info({ reqId: id, method: req.method, url: redactUrl(url), route, status, ms: Math.round(seconds * 10000) / 10, cache: res.getHeader('x-cache') }, 'request')
    })
    dispatch(req, res, pathname, q === -1 ? '' : url.slice(q)).catch((err: unknown) => {
        if (err instanceof BodyTooLarge) return sendJson(res, 413, { errors: [{ message: err.message }] })
        log.error({ err, reqId: id, route }, 'Request failed in the server')
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Something went wrong on our side' }] })
        else res.destroy()
    })
  }
}
