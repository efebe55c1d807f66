import { createHmac, timingSafeEqual } from 'node:crypto'

// The storefront forwards the shopper's address to the CMS signed with the secret both hold (CLIENT_ADDRESS_SECRET):
// `t=<unix seconds>,a=<address>,v1=<hex HMAC-SHA256 of "<t>.<address>">`. Shared by both sides so the format has one home.

export const CLIENT_ADDRESS_HEADER = 'x-ipswich-client'
/** A signature older (or further in the future) than this is ignored. */
export const CLIENT_ADDRESS_MAX_AGE_SECONDS = 30

const mac = (secret: string, t: number, address: string) => createHmac('sha256', secret).update(`${t}.${address}`).digest('hex')

export function signClientAddress(address: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  return `t=${nowSeconds},a=${address},v1=${mac(secret, nowSeconds, address)}`
}

/** The signed address, or null when the value is missing, malformed, forged or outside the validity window. */
export function verifyClientAddress(value: string | null | undefined, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): string | null {
  const parts = /^t=(\d{1,12}),a=([0-9A-Fa-f:.]{2,45}),v1=([0-9a-f]{64})$/.exec(value ?? '')
  if (!parts) return null
  const [, t, address, signature] = parts as unknown as [string, string, string, string]
  if (Math.abs(nowSeconds - Number(t)) > CLIENT_ADDRESS_MAX_AGE_SECONDS) return null
  const expected = Buffer.from(mac(secret, Number(t), address), 'hex')
  const given = Buffer.from(signature, 'hex')
  return expected.length === given.length && timingSafeEqual(expected, given) ? address : null
}
