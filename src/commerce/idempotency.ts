import { createHash } from 'node:crypto'
import { invalidField } from './errors'

export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
/** Keys must be honoured at least this long. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24

const PRINTABLE_ASCII = /^[\x20-\x7e]{1,255}$/

/** The header value, or a 400 naming the header when it is missing or malformed. */
export function parseIdempotencyKey(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    throw invalidField('missing_idempotency_key', IDEMPOTENCY_HEADER, 'is required')
  }
  if (!PRINTABLE_ASCII.test(value)) {
    throw invalidField('invalid_idempotency_key', IDEMPOTENCY_HEADER, 'must be 1 to 255 printable ASCII characters')
  }
  return value
}

/** JSON with object keys sorted at every depth and undefined dropped, so equal bodies give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const withJson = value as { toJSON?: () => unknown }
  if (typeof withJson.toJSON === 'function') return canonicalJson(withJson.toJSON())
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** Hash of the validated body (and who sent it): the same key with a different hash is a 422. */
export function hashRequestBody(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex')
}
