import { CLIENT_ADDRESS_HEADER, normaliseAddress, verifyClientAddress } from './clientAddress'
import { env } from './env'

export { CLIENT_ADDRESS_HEADER }

type HeaderBag = Headers | Record<string, string | string[] | undefined>

/** This machine: a local script or the storefront calling without a shopper, never one shopper among many. */
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/

/**
 * The client's address for the checkout's hold caps: the one the CMS server resolved and stamped, signed, on the request
 * (src/infra/clientAddress: the storefront's signed shopper address, trusted proxies, else the socket). Null when the
 * request did not come through the CMS server (in-process calls) or came from this machine, so no address is counted.
 * The one place endpoints read it.
 */
export function requestClientAddress(req: { headers: HeaderBag }, secret: string = env().clientAddressSecret): string | null {
  const raw =
    typeof (req.headers as Headers).get === 'function'
      ? (req.headers as Headers).get(CLIENT_ADDRESS_HEADER)
      : (req.headers as Record<string, unknown>)[CLIENT_ADDRESS_HEADER]
  const value = (Array.isArray(raw) ? raw[0] : raw) as unknown
  const address = typeof value === 'string' ? verifyClientAddress(value, secret) : null
  if (!address || LOOPBACK.test(address)) return null
  return normaliseAddress(address)
}
