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

export type MetricsText = () => Promise<{ text: string; contentType: string }>

/** The process's registry, as Prometheus text. */
export const processMetricsText: MetricsText = async () => {
  const { registry } = metrics()
  return { text: await registry.metrics(), contentType: registry.contentType }
}

/**
 * GET /metrics in Prometheus text format; behind `Authorization: Bearer $METRICS_TOKEN` when one is set. `collect`:
 * the process's registry unless told otherwise (with the edge, src/server/edge, its thread's counts are added).
 */
export async function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  token: string | undefined,
  collect: MetricsText = processMetricsText,
): Promise<void> {
  if (token && !bearerMatches(req.headers.authorization, token)) {
    res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer', 'cache-control': 'no-store' })
    res.end('metrics need a bearer token\n')
    return
  }
  const { text, contentType } = await collect()
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}
