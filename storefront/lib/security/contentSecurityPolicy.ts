// The storefront's Content-Security-Policy. Pages get a fresh nonce per request (middleware.ts): Next puts it on
// its own inline and chunk scripts, so no inline script without it runs. Styles stay 'unsafe-inline' (React's
// style attributes); they cannot run code.

/** A random nonce, base64 of a UUID as Next's guide does (the edge runtime has crypto.randomUUID and btoa). */
export function newNonce(): string {
  return btoa(crypto.randomUUID())
}

/** The policy of an HTML page rendered with `nonce`; `dev` adds the eval that `next dev`'s refresh needs. */
export function pageContentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ')
}

/** The policy of anything that is not a page (route handlers, media): nothing runs, nothing frames it. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
