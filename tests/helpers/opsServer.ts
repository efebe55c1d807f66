import { request, type IncomingMessage, type ServerResponse } from 'node:http'
import { connect } from 'node:net'
import pino from 'pino'
import type { Payload, SanitizedConfig } from 'payload'

import { createRequestGuard } from '../../src/guard'
import type { ReadCache } from '../../src/infra/cache'
import { guardedRoute } from '../../src/guard/apiRoute'
import { env } from '../../src/infra/env'
import { createReadinessCheck } from '../../src/infra/health'
import { setReadinessSource } from '../../src/infra/metrics'
import type { RateLimiter } from '../../src/infra/rateLimit'
import { redis } from '../../src/infra/redis'
import { createGuestCheckout } from '../../src/server/guestCheckout'
import { createRequestHandler, type HandlerOptions, type NextHandler } from '../../src/server/handler'
import { createRouteTemplate } from '../../src/server/routes'
import { catalogueReadsFor, type CatalogueReads } from '../../src/server/catalogueReads'
import { listenOnLoopback } from './listen'

type RouteHandler = (req: Request, ctx?: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/** Stands in for Next's handler: Payload's REST and GraphQL route handlers, wrapped as src/app/(payload)/api routes wrap them, behind node:http. */
export async function payloadAsNext(config: SanitizedConfig, log?: pino.Logger): Promise<NextHandler & { calls: number }> {
  const routes = await import('@payloadcms/next/routes')
  const rest: Record<string, RouteHandler> = {
    GET: guardedRoute(config, routes.REST_GET(config) as RouteHandler, log),
    POST: guardedRoute(config, routes.REST_POST(config) as RouteHandler, log),
    PATCH: guardedRoute(config, routes.REST_PATCH(config) as RouteHandler, log),
    DELETE: guardedRoute(config, routes.REST_DELETE(config) as RouteHandler, log),
  }
  const graphql = guardedRoute(config, routes.GRAPHQL_POST(config) as unknown as RouteHandler, log)
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    handler.calls++
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://localhost:8000')
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks)
    const request = new Request(url, { method: req.method, headers, body })
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .map(decodeURIComponent)
    const response = url.pathname === '/api/graphql' ? await graphql(request) : await rest[req.method ?? 'GET'](request, { params: Promise.resolve({ slug }) })
    const out: Record<string, string | string[]> = {}
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') out[name] = value
    })
    const cookies = response.headers.getSetCookie()
    if (cookies.length > 0) out['set-cookie'] = cookies
    res.writeHead(response.status, out)
    res.end(Buffer.from(await response.arrayBuffer()))
  }
  handler.calls = 0
  return handler
}

/** For suites about something other than the cache: every read goes to Payload. */
export const cacheDisabled = null

export type OpsServer = { url: string; next: NextHandler & { calls: number }; state: { shuttingDown: boolean }; close(): Promise<void> }

/** The CMS's request handler on a real port, with Payload's route handlers where Next would be. */
export async function startOpsServer(
  payload: Payload,
  options: {
    cache: ReadCache | null
    limiter: RateLimiter
    settings?: Partial<ReturnType<typeof env>>
    origins?: HandlerOptions['origins']
    logger?: pino.Logger
    /** The catalogue read model; on by default as in production (READ_MODEL_ENABLED), null for Payload alone. */
    catalogue?: CatalogueReads | null
    /** A fixed port (0 or unset: a free one). */
    port?: number
    /** A guest's checkout answered by the server itself, as in production; null sends it to Payload's route. */
    guestCheckout?: null
  },
): Promise<OpsServer> {
  const next = await payloadAsNext(payload.config, options.logger)
  const state = { shuttingDown: false }
  const readiness = createReadinessCheck({ payload: () => payload, redis: redis(), mediaDir: env().MEDIA_DIR, expectedMigrations: null })
  setReadinessSource(readiness)
  const handler = createRequestHandler({
    next,
    cache: options.cache,
    limiter: options.limiter,
    settings: { ...env(), ...options.settings },
    logger: options.logger ?? pino({ level: 'silent' }),
    routeTemplate: createRouteTemplate(
      payload.config.collections.map((c) => c.slug),
      payload.config.globals.map((g) => g.slug),
    ),
    readiness,
    cookiePrefix: payload.config.cookiePrefix ?? 'payload',
    guard: createRequestGuard(payload.config, {
      maxBodyBytes: env().MAX_BODY_BYTES,
      maxUploadBytes: env().MAX_UPLOAD_BYTES,
      maxLimit: env().API_MAX_LIMIT,
      maxDepth: env().API_MAX_DEPTH,
      cookiePrefix: payload.config.cookiePrefix,
    }),
    requestTimeoutMs: env().REQUEST_TIMEOUT_MS,
    origins: options.origins,
    state,
    catalogue: options.catalogue === undefined ? catalogueReadsFor(payload, env(), pino({ level: 'silent' })) : (options.catalogue ?? undefined),
    guestCheckout: options.guestCheckout === null ? undefined : createGuestCheckout(payload),
  })
  const { url, close } = await listenOnLoopback(handler, options.port)
  return {
    url,
    next,
    state,
    close,
  }
}

export type HttpResult = { status: number; headers: Headers; json: any; text: string }

/** fetch with the JSON parsed, for tests against a real port. */
export async function http(url: string, init: RequestInit & { json?: unknown; token?: string } = {}): Promise<HttpResult> {
  const headers = new Headers(init.headers)
  if (init.json !== undefined) headers.set('content-type', 'application/json')
  if (init.token) headers.set('authorization', `JWT ${init.token}`)
  const res = await fetch(url, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body })
  const text = await res.text()
  let json: any
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, json, text }
}

function toResult(res: IncomingMessage, text: string): HttpResult {
  const headers = new Headers()
  for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value)
  let json: any
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: res.statusCode ?? 0, headers, json, text }
}

/**
 * A JSON POST whose head goes out at once and whose body waits for `send()`. `inHand` resolves when the server
 * answers `100 Continue`, i.e. has parsed the request and handed it to its handler, which then waits for the body:
 * a request provably in progress for as long as the test likes.
 */
export function heldRequest(url: string, body: unknown): { inHand: Promise<void>; send(): Promise<HttpResult> } {
  const text = JSON.stringify(body)
  const req = request(url, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), expect: '100-continue' },
  })
  const inHand = new Promise<void>((resolve, reject) => {
    req.once('continue', resolve)
    req.once('error', reject)
  })
  const answered = new Promise<HttpResult>((resolve, reject) => {
    req.once('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve(toResult(res, Buffer.concat(chunks).toString('utf8'))))
      res.on('error', reject)
    })
    req.once('error', reject)
  })
  req.flushHeaders()
  return {
    inHand,
    send: () => {
      req.end(text)
      return answered
    },
  }
}

/** Resolves once the server at `url` refuses new connections (it has closed its listening socket). */
export async function refusingConnections(url: string, timeoutMs = 10_000): Promise<boolean> {
  const { hostname, port } = new URL(url)
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), hostname)
      socket.once('connect', () => (socket.destroy(), resolve(false)))
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'))
    })
    if (refused) return true
    await new Promise((r) => setTimeout(r, 20))
  }
  return false
}
