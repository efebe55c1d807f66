import http from 'node:http'
import { metrics } from './registry'
import { routeOf } from './routeOf'

const PATCHED = Symbol.for('ipswich.storefront.httpTiming')

/**
 * Times every request the Node server answers (pages, server actions, route handlers, assets).
 * Middleware runs on the edge runtime where prom-client cannot, so we hook the server instead.
 */
export function timeHttpRequests(): void {
  const proto = http.Server.prototype as http.Server & { [PATCHED]?: boolean }
  if (proto[PATCHED]) return
  proto[PATCHED] = true
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean
  proto.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse]
      const end = metrics().httpDuration.startTimer()
      res.once('finish', () => {
        end({ method: req.method ?? 'GET', route: routeOf(req.url), status: String(res.statusCode) })
      })
    }
    return emit.call(this, event, ...args)
  } as typeof proto.emit
}
