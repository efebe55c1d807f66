import { createHash } from 'node:crypto'
import { CommerceError, invalidField } from './errors'

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

/** The request hash stored beside a checkout's key: the body exactly as sent (canonically ordered) and who sent it. */
export function checkoutRequestHash(body: unknown, customerId: string | number | null): string {
  return hashRequestBody({ body, customerId })
}

/** The first answer to a key, kept so a retry gets exactly it (status and body), however the result changed since. */
export interface StoredResponse {
  status: number
  body: unknown
}

/** One claim as a store keeps it: the first request's hash, and its result once it completed. */
export interface IdempotencyRow {
  claimId: string | number
  requestHash: string
  completed: boolean
  resultId: string | number | null
  /** The first answer, when the workflow stored one (older checkout keys have none). */
  response?: StoredResponse | null
  updatedAt: Date
}

/** The three statements a store needs; the waiting and take-over rules below are written once for every store. */
export interface IdempotencyRows {
  /** Inserts a processing claim: its id, or null when the key is already claimed. */
  insert(requestHash: string): Promise<string | number | null>
  read(): Promise<IdempotencyRow | null>
  /** Frees the key for a retry (a store may delete or rename the row), only while the claim is still processing. */
  remove(claimId: string | number): Promise<void>
}

export type IdempotencyClaim = { kind: 'claimed'; claimId: string | number } | { kind: 'replay'; resultId: string | number | null; response?: StoredResponse }

export const CLAIM_WAIT = {
  stepMs: 50,
  limitMs: 30_000,
  // A claim still processing after this long belongs to a crashed request and may be taken over.
  staleMs: 120_000,
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const idempotencyKeyReused = () =>
  new CommerceError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request body')

/** Claims the key for this request, or waits for the request that holds it and answers with its result. */
export async function claimOrWait(rows: IdempotencyRows, requestHash: string, wait = CLAIM_WAIT): Promise<IdempotencyClaim> {
  const deadline = Date.now() + wait.limitMs
  while (Date.now() < deadline) {
    const claimId = await rows.insert(requestHash)
    if (claimId !== null) return { kind: 'claimed', claimId }
    const row = await rows.read()
    if (!row) continue
    if (row.requestHash !== requestHash) throw idempotencyKeyReused()
    if (row.completed && row.response) return { kind: 'replay', resultId: row.resultId, response: row.response }
    if (row.completed && row.resultId !== null) return { kind: 'replay', resultId: row.resultId }
    const stale = !row.completed && Date.now() - row.updatedAt.getTime() > wait.staleMs
    if (stale) await rows.remove(row.claimId)
    else await sleep(wait.stepMs)
  }
  throw new CommerceError(503, 'busy', 'An earlier request with this Idempotency-Key is still being processed; retry shortly')
}
