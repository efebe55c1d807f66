import { request, type IncomingMessage, type ServerResponse } from 'node:http'
import { Writable } from 'node:stream'
import pino from 'pino'

import { createReadCache } from '../../src/infra/cache'
import { trustedProxyList } from '../../src/infra/clientAddress'
import type { Readiness } from '../../src/infra/health'
import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { createRequestHandler, type HandlerOptions, type NextHandler } from '../../src/server/handler'
import { createRouteTemplate } from '../../src/server/routes'
import { listenOnLoopback } from './listen'

// The server's request handler (src/server/handler.ts) on a real port, in process, with a stand-in for Next:
// unit specs of src/server drive it over HTTP as a client would.

export type LogLine = Record<string, unknown> & { msg: string }

/** A pino logger whose lines land in an array. */
export function collectingLogger(): { logger: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogLine)
      done()
    },
  })
  return { logger: pino({ level: 'info' }, sink), lines }
}

export const upReadiness: Readiness = {
  status: 'ok',
  checks: {
    database: { status: 'up', ms: 1 },
    redis: { status: 'skipped', ms: 0 },
    migrations: { status: 'skipped', ms: 0 },
    media: { status: 'up', ms: 1 },
  },
}

export const lowLimits = {
  RATE_LIMIT_LOGIN: 2,
  RATE_LIMIT_CHECKOUT: 2,
  RATE_LIMIT_QUOTE: 2,
  RATE_LIMIT_REGISTER: 2,
  RATE_LIMIT_LOOKUP: 2,
  RATE_LIMIT_WINDOW_SECONDS: 60,
  METRICS_TOKEN: undefined,
}

export type HandlerServer = { url: string; lines: LogLine[]; state: { shuttingDown: boolean }; close(): Promise<void> }

/** Starts createRequestHandler with an in-process read cache and memory rate limits unless the options say otherwise. */
export async function startHandlerServer(next: NextHandler, options: Partial<HandlerOptions> = {}): Promise<HandlerServer> {
  const { logger, lines } = collectingLogger()
  const state = options.state ?? { shuttingDown: false }
  const handler = createRequestHandler({
    next,
    cache: createReadCache({ client: null, prefix: 'unit:', maxBytes: 1024 * 1024, ttlSeconds: 60, refreshMs: 1000, logger }),
    limiter: memoryRateLimiter(),
    settings: lowLimits,
    logger,
    routeTemplate: createRouteTemplate(['products', 'users', 'customers', 'orders'], ['store-settings']),
    readiness: async () => upReadiness,
    cookiePrefix: 'payload',
    // The test client is the trusted proxy: X-Forwarded-For names the client each test pretends to be.
    addresses: { secret: 'unit-client-address-secret-0123456789abcdef', trustedProxies: trustedProxyList(['127.0.0.1', '::1']) },
    ...options,
    state,
  })
  const { url, close } = await listenOnLoopback(handler)
  return {
    url,
    lines,
    state,
    close,
  }
}

/** Reads a request's body, as Next's handler would. */
export async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Answers JSON the way Payload's REST routes do (no cache headers). */
export function answerJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

export type RawResult = { status: number; headers: IncomingMessage['headers']; text: string } | { error: string }

/** A request whose socket errors come back as a value (a connection cut by the server). */
export function rawRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResult> {
  return new Promise((resolve) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', (err) => resolve({ error: err.message }))
    })
    req.on('error', (err) => resolve({ error: err.message }))
    req.end(init.body)
  })
}
