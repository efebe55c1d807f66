import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const ORDER_NUMBER = /^IR-(\d{6,})$/

/** 123 → "IR-000123"; wider numbers keep all their digits. */
export function formatOrderNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError('order sequence must be a positive integer')
  return `IR-${String(sequence).padStart(6, '0')}`
}

export function parseOrderNumber(value: string): number | null {
  const match = ORDER_NUMBER.exec(value.trim().toUpperCase())
  return match ? Number(match[1]) : null
}

/** The guest's secret for looking an order up; only its hash is stored. */
export function createLookupToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashLookupToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Constant-time: both sides are hashed to equal length first, so timing reveals nothing. */
export function verifyLookupToken(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashLookupToken(token), 'hex')
  const expected = Buffer.from(storedHash, 'hex')
  if (expected.length !== actual.length) return false
  return timingSafeEqual(actual, expected)
}

/**
 * The guest's token for an order placed with an Idempotency-Key: derived from the key and the request, so a
 * replayed request answers with the same body and the confirmation email can rebuild the link; never stored.
 */
export function deriveLookupToken(secret: string, key: string, requestHash: string): string {
  return createHmac('sha256', secret).update(`lookup:${key}:${requestHash}`).digest('base64url')
}
