import type { NextRequest } from 'next/server'
import { NextResponse } from 'next/server'
import { listingSegment } from './lib/catalogue/listing'

const LISTING_KEYS = ['sort', 'page', 'min', 'max', 'stock']

// Category pages are cached per listing (ISR): a query such as ?sort=name&page=2 becomes a path
// segment (/categories/clothing/~sort=name&page=2) so each sorted, filtered page is cached by URL.
// Only requests with one of those query keys reach this; plain pages skip middleware entirely.
export function middleware(request: NextRequest) {
  const url = request.nextUrl.clone()
  const listing = Object.fromEntries(LISTING_KEYS.map((key) => [key, url.searchParams.get(key) ?? undefined]))
  LISTING_KEYS.forEach((key) => url.searchParams.delete(key))
  const segment = listingSegment(listing)
  if (segment) url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(segment)}`
  return NextResponse.rewrite(url)
}

export const config = {
  matcher: [
    { source: '/categories/:path*', has: [{ type: 'query', key: 'sort' }] },
    { source: '/categories/:path*', has: [{ type: 'query', key: 'page' }] },
    { source: '/categories/:path*', has: [{ type: 'query', key: 'min' }] },
    { source: '/categories/:path*', has: [{ type: 'query', key: 'max' }] },
    { source: '/categories/:path*', has: [{ type: 'query', key: 'stock' }] },
  ],
}
