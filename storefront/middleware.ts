import type { NextRequest } from 'next/server'
import { NextResponse } from 'next/server'
import { listingSegment } from './lib/catalogue/listing'
import { newNonce, pageContentSecurityPolicy } from './lib/security/contentSecurityPolicy'

const LISTING_KEYS = ['sort', 'page', 'min', 'max', 'stock']
const DEV = process.env.NODE_ENV !== 'production'

// Category listings are cached per URL: a query such as ?sort=name&page=2 becomes a path segment
// (/categories/clothing/~sort=name&page=2), so each sorted, filtered page is its own cache entry.
function listingRewrite(request: NextRequest): URL | null {
  if (!request.nextUrl.pathname.startsWith('/categories/')) return null
  if (!LISTING_KEYS.some((key) => request.nextUrl.searchParams.has(key))) return null
  const url = request.nextUrl.clone()
  const listing = Object.fromEntries(LISTING_KEYS.map((key) => [key, url.searchParams.get(key) ?? undefined]))
  LISTING_KEYS.forEach((key) => url.searchParams.delete(key))
  const segment = listingSegment(listing)
  if (segment) url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(segment)}`
  return url
}

// Every page gets a fresh script nonce: Next reads it from the request's Content-Security-Policy header and puts it
// on the scripts it renders; the browser gets the same policy, so an injected inline script without it never runs.
export function middleware(request: NextRequest) {
  const policy = pageContentSecurityPolicy(newNonce(), DEV)
  const headers = new Headers(request.headers)
  headers.set('content-security-policy', policy)
  const rewrite = listingRewrite(request)
  const response = rewrite ? NextResponse.rewrite(rewrite, { request: { headers } }) : NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', policy)
  return response
}

export const config = {
  // Pages only: not Next's static files, the media proxy, route handlers or metrics (next.config.mjs gives those a policy).
  matcher: [{ source: '/((?!_next/static|_next/image|media/|api/|metrics|icon.svg|favicon.ico|robots.txt|sitemap.xml).*)' }],
}
