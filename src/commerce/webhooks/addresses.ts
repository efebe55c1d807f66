import { BlockList, isIP } from 'node:net'

// Addresses a webhook must not reach outside development: the machine itself, private networks, link-local (cloud
// metadata at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges.
const blocked = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6')

/** True for a private, loopback, link-local or otherwise non-public IP address (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)
  if (mapped) return isPrivateAddress(mapped[1])
  const family = isIP(bare)
  if (family === 0) return true
  return blocked.check(bare, family === 4 ? 'ipv4' : 'ipv6')
}

/** Why a string is not a webhook URL, or null: an absolute http(s) URL without credentials, at most 2,000 characters. */
export function webhookUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return 'Give the URL that should receive the events'
  if (value.length > 2000) return 'The URL is longer than 2,000 characters'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `"${value.slice(0, 100)}" is not an absolute URL`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `Webhook URLs must use http or https, not ${url.protocol.replace(':', '')}`
  if (url.username || url.password) return 'Webhook URLs must not carry a user name or password: the signature authenticates each delivery'
  return null
}
