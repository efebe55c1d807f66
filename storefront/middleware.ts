import { NextResponse } from 'next/server'

// HSTS depends on APP_ENV, which is only known at run time (next.config headers are fixed at build).
export function middleware() {
  const response = NextResponse.next()
  if (process.env.APP_ENV === 'production') {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
  }
  return response
}

export const config = { matcher: ['/((?!_next/static|_next/image|media/).*)'] }
