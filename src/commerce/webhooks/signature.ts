import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'Ipswich-Signature'
export const EVENT_HEADER = 'Ipswich-Event'
export const DELIVERY_HEADER = 'Ipswich-Delivery'

/** Receivers refuse a signature older (or further in the future) than this: a captured request cannot be replayed later. */
export const DEFAULT_TOLERANCE_SECONDS = 300

/** A new signing secret: 32 random bytes, hex, with a prefix that says what it is. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`
}

const hmac = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')

/** The `Ipswich-Signature` value for a body sent at `timestamp` (unix seconds): `t=<timestamp>,v1=<hex HMAC-SHA256>`. */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'too_old' | 'mismatch' }

/** Parses `t=…,v1=…` (several v1 entries allowed while a secret is being rotated). */
function parseSignature(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp = NaN
  const signatures: string[] = []
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2)
    if (key === 't') timestamp = Number(value)
    if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value)
  }
  return Number.isInteger(timestamp) && signatures.length > 0 ? { timestamp, signatures } : null
}

/**
 * Checks a delivery as a receiver must: the HMAC over `${t}.${rawBody}` matches (compared in constant time) and `t`
 * is within `toleranceSeconds` of now. Pass the raw body exactly as received, before any JSON parsing.
 */
export function verifyWebhook(options: {
  secret: string
  body: string
  signature: string | null | undefined
  toleranceSeconds?: number
  now?: number
}): VerifyResult {
  const parsed = parseSignature(options.signature ?? '')
  if (!parsed) return { ok: false, reason: 'malformed' }
  const now = options.now ?? Math.floor(Date.now() / 1000)
  if (Math.abs(now - parsed.timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: 'too_old' }
  const expected = Buffer.from(hmac(options.secret, parsed.timestamp, options.body), 'hex')
  const matches = parsed.signatures.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected))
  return matches ? { ok: true, timestamp: parsed.timestamp } : { ok: false, reason: 'mismatch' }
}
