import type { IncomingMessage } from 'node:http'
import { BlockList, isIP } from 'node:net'

import { CLIENT_ADDRESS_HEADER, signClientAddress, verifyClientAddress } from '../commerce/clientAddressSignature'
import { env } from './env'

export { CLIENT_ADDRESS_HEADER, signClientAddress, verifyClientAddress }

export type AddressSettings = { secret: string; trustedProxies: BlockList }

type HeaderBag = IncomingMessage['headers'] | Headers
type WithHeaders = { headers: HeaderBag; socket?: { remoteAddress?: string } }

/** Strips IPv4-mapped IPv6 (`::ffff:1.2.3.4`) so one client has one spelling. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped ? mapped[1]! : address.toLowerCase()
}

/** TRUSTED_PROXIES (addresses or CIDR ranges) as a block list. */
export function trustedProxyList(cidrs: string[]): BlockList {
  const list = new BlockList()
  for (const cidr of cidrs) {
    const [address, prefix] = cidr.split('/') as [string, string | undefined]
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(address, family)
    else list.addSubnet(address, Number(prefix), family)
  }
  return list
}

const isTrusted = (list: BlockList, address: string) => {
  const family = isIP(address)
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4')
}

/** The peer's address: the socket's, then X-Forwarded-For hops read from the right while the hop before them is a trusted proxy. */
export function peerAddress(req: WithHeaders, trustedProxies: BlockList): string {
  let address = normaliseAddress(req.socket?.remoteAddress ?? 'unknown')
  const raw = headerOf(req.headers, 'x-forwarded-for')
  const hops = (raw ?? '')
    .split(',')
    .map((s) => normaliseAddress(s.trim()))
    .filter((s) => isIP(s) !== 0)
  while (hops.length > 0 && isTrusted(trustedProxies, address)) address = hops.pop()!
  return address
}

function headerOf(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  const value = (headers as IncomingMessage['headers'])[name]
  return Array.isArray(value) ? value[0] : value
}

let defaults: AddressSettings | undefined
function defaultSettings(): AddressSettings {
  defaults ??= { secret: env().clientAddressSecret, trustedProxies: trustedProxyList(env().TRUSTED_PROXIES) }
  return defaults
}

/**
 * The client's address, for rate limits, caps and logs: the signed `x-ipswich-client` header when its signature is
 * good, else the peer (socket or trusted proxy hops). Works on node's IncomingMessage and on Payload's request.
 */
export function clientAddress(req: WithHeaders, settings: AddressSettings = defaultSettings()): string {
  const signed = verifiedThisSecond(headerOf(req.headers, CLIENT_ADDRESS_HEADER), settings.secret)
  return signed && isIP(signed) ? normaliseAddress(signed) : peerAddress(req, settings.trustedProxies)
}

/** The CMS server's first step: resolve the address once and stamp it signed on the request for everything behind. */
export function stampClientAddress(req: IncomingMessage, settings: AddressSettings = defaultSettings()): string {
  const address = clientAddress(req, settings)
  req.headers[CLIENT_ADDRESS_HEADER] = signedThisSecond(address, settings.secret)
  return address
}

/**
 * `compute(secret, text, second)`, kept for the rest of the second (at most 1,000 per second). A signature names its
 * second, so within one second an address's signature is one string, and so is a client's signed header: each is
 * signed or checked once a second, not once per request (an HMAC each time was a visible part of a request's cost).
 */
function oncePerSecond<T>(compute: (secret: string, text: string, second: number) => T): (text: string, secret: string) => T {
  let second = 0
  const values = new Map<string, T>()
  return (text, secret) => {
    const now = Math.floor(Date.now() / 1000)
    if (now !== second || values.size >= 1000) {
      second = now
      values.clear()
    }
    const key = `${secret}\u0000${text}`
    if (!values.has(key)) values.set(key, compute(secret, text, now))
    return values.get(key) as T
  }
}

const signedThisSecond = oncePerSecond((secret, address, now) => signClientAddress(address, secret, now))
const checkedThisSecond = oncePerSecond((secret, value, now) => verifyClientAddress(value, secret, now))
// The header the edge (and the storefront) sends with every request it hands on.
const verifiedThisSecond = (value: string | undefined, secret: string): string | null => (value ? checkedThisSecond(value, secret) : null)
