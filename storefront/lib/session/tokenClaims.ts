/**
 * The customer id inside a Payload JWT, read without verifying the signature: only used to address
 * a PATCH that the CMS authorises with the same token, so a forged id gains nothing.
 */
export function customerIdFromToken(token: string): number | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { id?: unknown; collection?: unknown }
    if (claims.collection !== undefined && claims.collection !== 'customers') return null
    const id = typeof claims.id === 'string' ? Number(claims.id) : claims.id
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}

/** Seconds until the token's `exp`, for the cookie's max-age; the fallback when it has none. */
export function secondsUntilExpiry(exp: unknown, nowMs: number, fallback: number): number {
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return fallback
  return Math.max(0, Math.floor(exp - nowMs / 1000))
}
