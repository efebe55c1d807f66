/**
 * The header the CMS server (src/server/handler.ts) sets on every request it passes to Next, replacing any the client
 * sent, with the client's address as `clientIp` (src/server/rateLimits.ts) resolved it for the rate limits.
 */
export const CLIENT_ADDRESS_HEADER = 'x-ipswich-client-address'

type HeaderBag = Headers | Record<string, string | string[] | undefined>

/** This machine: the storefront calling from its server, or a local script, never one shopper among many. */
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/

/**
 * The client's address as the rate limits see it, for the hold caps; null when the request did not come through the
 * CMS server (in-process calls) or came from this machine (the storefront's own server, until it forwards the
 * shopper's signed address), so no address is counted. The one place endpoints read it.
 */
export function requestClientAddress(req: { headers: HeaderBag }): string | null {
  const raw =
    typeof (req.headers as Headers).get === 'function'
      ? (req.headers as Headers).get(CLIENT_ADDRESS_HEADER)
      : (req.headers as Record<string, unknown>)[CLIENT_ADDRESS_HEADER]
  const value = (Array.isArray(raw) ? raw[0] : raw) as unknown
  if (typeof value !== 'string' || !value.trim() || LOOPBACK.test(value.trim())) return null
  return value.trim().slice(0, 64)
}
