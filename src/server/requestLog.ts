import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import pino, { type Logger } from 'pino'

import { redactUrl } from '../infra/logger'
import { metrics } from '../infra/metrics'

type Observer = { observe(seconds: number): void }
type Pino = Logger & Record<symbol, unknown>

// An answer sent with its whole head at once has no header to read back: it notes its cache state here.
const cacheStates = new WeakMap<ServerResponse, string>()
export const noteCacheState = (res: ServerResponse, state: string): void => void cacheStates.set(res, state)

const REQUEST_ID = /^[\w.:@-]{1,128}$/

/** The request's id: the caller's `x-request-id` when it is a sane one, else a new one; written back on the request. */
export function requestIdOf(req: IncomingMessage): string {
  const offered = req.headers['x-request-id']
  const id = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID()
  req.headers['x-request-id'] = id
  return id
}

const { chindingsSym, streamSym, timeSym } = pino.symbols

/** Where a logger writes its lines (the edge's thread hands its request lines to the main thread's logger). */
export const streamOf = (log: Logger): { write(text: string): unknown } => (log as Pino)[streamSym] as { write(text: string): unknown }
const field = (name: string, value: unknown) => (value === undefined ? '' : `,"${name}":${JSON.stringify(value)}`)

/**
 * The line `log.info({ reqId, … }, 'request')` writes, built here and written to the logger's own stream: pino's
 * general path (its key loop, serialisers and hooks) was most of a cache hit's logging cost (docs/performance.md).
 * Same level, time, bindings and order of fields as pino's.
 */
export function requestLineWriter(log: Logger) {
  const logger = log as Pino
  const stream = streamOf(log)
  const time = logger[timeSym] as () => string
  const bindings = logger[chindingsSym] as string
  const level = `{"level":${pino.levels.values.info}`
  return (fields: { reqId: string; client?: string; method?: string; url: string; route: string; status: number; ms: number; cache: unknown }) => {
    if (!log.isLevelEnabled('info')) return
    stream.write(
      `${level}${time()}${bindings}${field('reqId', fields.reqId)}${field('client', fields.client)}${field('method', fields.method)}` +
        `${field('url', fields.url)}${field('route', fields.route)},"status":${fields.status},"ms":${fields.ms}${field('cache', fields.cache)},"msg":"request"}\n`,
    )
  }
}

export type RequestLog = {
  /** Logs the request when its response closes (499 when the client left before the answer was sent). */
  (req: IncomingMessage, res: ServerResponse, id: string, route: string, client?: string, started?: number): void
  /** Logs a request answered whole at once (a cache hit written in one go): nothing is left to wait for. */
  answered(req: IncomingMessage, id: string, route: string, client: string, started: number, status: number, cache: string): void
}

/**
 * One JSON log line (with the client's address, src/infra/clientAddress) and one http_request_duration_seconds
 * observation per request; `durations`: where the observations go (the registry's histogram by default).
 */
export function createRequestLog(
  log: Logger,
  durations: { labels(method: string, route: string, status: string): Observer } = metrics().httpDuration,
): RequestLog {
  const httpDuration = durations
  const writeLine = requestLineWriter(log)
  // One histogram child per method/route/status, resolved once; methods and routes are bounded sets.
  const children = new Map<string, Observer>()
  const durationFor = (method: string, route: string, status: string) => {
    const key = `${method} ${route} ${status}`
    let child = children.get(key)
    if (!child) {
      child = httpDuration.labels(method, route, status)
      children.set(key, child)
    }
    return child
  }
  const record = (req: IncomingMessage, id: string, route: string, client: string | undefined, started: number, status: number, cache: unknown) => {
    const seconds = (performance.now() - started) / 1000
    durationFor(req.method ?? 'GET', route, String(status)).observe(seconds)
    writeLine({ reqId: id, client, method: req.method, url: redactUrl(req.url ?? '/'), route, status, ms: Math.round(seconds * 10000) / 10, cache })
  }
  const onClose = (req: IncomingMessage, res: ServerResponse, id: string, route: string, client?: string, started = performance.now()) => {
    res.once('close', () =>
      record(req, id, route, client, started, res.writableFinished ? res.statusCode : 499, cacheStates.get(res) ?? res.getHeader('x-cache')),
    )
  }
  return Object.assign(onClose, { answered: record })
}
