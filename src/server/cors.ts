import type { IncomingMessage, ServerResponse } from 'node:http'

import { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS } from '../infra/origins'

const ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'
const ALLOW_HEADERS = CORS_ALLOWED_HEADERS.join(', ')
const EXPOSE_HEADERS = CORS_EXPOSED_HEADERS.join(', ')

/**
 * For a request from an allowed origin (src/infra/origins: the CMS, the storefront and CORS_ORIGINS): the CORS answer
 * headers on every response, cached or not, and the preflight answered here (204) so it never depends on a route.
 * Returns true when it has answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, isAllowed: ((origin: string) => boolean) | undefined): boolean {
  const origin = req.headers.origin
  if (!origin || !isAllowed?.(origin)) return false
  res.setHeader('access-control-allow-origin', origin)
  res.setHeader('access-control-allow-credentials', 'true')
  res.setHeader('access-control-expose-headers', EXPOSE_HEADERS)
  res.setHeader('vary', 'Origin')
  if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return false
  res.writeHead(204, {
    'access-control-allow-methods': ALLOW_METHODS,
    'access-control-allow-headers': ALLOW_HEADERS,
    'access-control-max-age': '600',
    'content-length': '0',
  })
  res.end()
  return true
}
