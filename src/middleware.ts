import { NextResponse, type NextRequest } from 'next/server'

import { adminContentSecurityPolicy, newNonce } from './infra/securityHeaders'

const DEV = process.env.NODE_ENV !== 'production'

// The admin's pages get a fresh script nonce per request: Next reads it from the request's Content-Security-Policy
// header and puts it on the scripts it renders; the browser gets the same policy, so no other inline script runs.
export function middleware(request: NextRequest) {
  const policy = adminContentSecurityPolicy(newNonce(), DEV)
  const headers = new Headers(request.headers)
  headers.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', policy)
  return response
}

export const config = { matcher: ['/admin', '/admin/:path*'] }
