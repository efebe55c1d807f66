import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { metrics } from './metrics'

/** True when the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function hasBearerToken(req: IncomingMessage, token: string | undefined): boolean {
  return !!token && bearerMatches(req.headers.authorization, token)
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const offered = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '')
  const expected = Buffer.from(token)
  return offered.length === expected.length && timingSafeEqual(offered, expected)
}

/** GET /metrics in Prometheus text format; behind `Authorization: Bearer $METRICS_TOKEN` when one is set. */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, token: string | undefined): Promise<void> {
  if (token && !bearerMatches(req.headers.authorization, token)) {
    res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer', 'cache-control': 'no-store' })
    res.end('metrics need a bearer token\n')
    return
  }
  const { registry } = metrics()
  const text = await registry.metrics()
  res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}
