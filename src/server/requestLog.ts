import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'

import { redactUrl } from '../infra/logger'
import { metrics } from '../infra/metrics'

type Observer = { observe(seconds: number): void }

/** On close: one JSON log line (with the client's address, src/infra/clientAddress) and one http_request_duration_seconds observation per request. */
export function createRequestLog(log: Logger): (req: IncomingMessage, res: ServerResponse, id: string, route: string, client?: string) => void {
  const httpDuration = metrics().httpDuration
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
  return (req, res, id, route, client) => {
    const started = performance.now()
    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000
      const status = res.writableFinished ? res.statusCode : 499
      durationFor(req.method ?? 'GET', route, String(status)).observe(seconds)
      log.info(
        {
          reqId: id,
          client,
          method: req.method,
          url: redactUrl(req.url ?? '/'),
          route,
          status,
          ms: Math.round(seconds * 10000) / 10,
          cache: res.getHeader('x-cache'),
        },
        'request',
      )
    })
  }
}
