// The CMS's security headers, one home for the server front (src/server), the admin's middleware (src/middleware.ts)
// and next.config.mjs (which repeats them for `next start`/`next dev`; src/infra/securityHeaders.spec.ts keeps the two equal).
// Edge-safe: no Node imports, the middleware runs this too.

/** Sent with every answer: no framing anywhere, no MIME sniffing, no URL sent to other sites. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
}

/** JSON, files and everything else that is not a page, unless it brings its own: nothing in it may run, load or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox"

/** The API reference at /api/docs (Swagger UI from our own files, no inline script). */
export const API_DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; object-src 'none'"

/**
 * The admin's policy: scripts only from the CMS itself and those Next renders with this request's nonce (Payload adds
 * no inline script of its own); inline styles stay, as Payload's components set style attributes. `dev` adds the eval
 * that `next dev`'s refresh needs.
 */
export function adminContentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ')
}

/** A fresh nonce per page, base64 of a random UUID as Next's CSP guide makes it. */
export function newNonce(): string {
  return btoa(crypto.randomUUID())
}

/** Pages that render HTML with Next's scripts, whose CSP (with a nonce) comes from src/middleware.ts. */
export function isAdminPage(pathname: string): boolean {
  return pathname === '/admin' || pathname.startsWith('/admin/')
}
