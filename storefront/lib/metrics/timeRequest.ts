import type { IncomingMessage, ServerResponse } from 'node:http'
import { metrics } from './registry'
import { routeOf } from './routeOf'

/** Records every request (pages, server actions, route handlers, assets) when its response ends. */
export function timeRequest(req: IncomingMessage, res: ServerResponse): void {
  const end = metrics().httpDuration.startTimer()
  res.once('finish', () => {
    end({ method: req.method ?? 'GET', route: routeOf(req.url), status: String(res.statusCode) })
  })
}
