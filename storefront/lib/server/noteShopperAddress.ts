import type http from 'node:http'

/** Set on each request from its socket (any value the browser sent is overwritten); read by lib/cms/shopperAddress.ts. */
export const SHOPPER_ADDRESS_HEADER = 'x-ipswich-shopper'

/** Records the shopper's address (the socket's) on the request, where server actions and route handlers can read it. */
export function noteShopperAddress(req: http.IncomingMessage): void {
  const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')
  if (address) req.headers[SHOPPER_ADDRESS_HEADER] = address
  else delete req.headers[SHOPPER_ADDRESS_HEADER]
}
