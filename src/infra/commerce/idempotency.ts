import { createHmac } from 'node:crypto'
import type { Payload } from 'payload'

import { CommerceError } from '../../commerce/errors'
import type { Id } from '../../commerce/workflows'
import { env } from '../env'
import { queryRows, sql } from '../sql'

export type Claim = { kind: 'claimed' } | { kind: 'replay'; orderId: Id }

const WAIT_STEP_MS = 50
const WAIT_LIMIT_MS = 30_000
// A claim still "processing" after this long belongs to a crashed request and may be taken over.
const STALE_MS = 120_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// The guest's lookup token is derived from the key, so a replayed request answers with the same body.
export function lookupTokenFor(key: string, requestHash: string): string {
  return createHmac('sha256', env().payloadSecret).update(`lookup:${key}:${requestHash}`).digest('base64url')
}

async function tryInsert(payload: Payload, key: string, requestHash: string): Promise<boolean> {
  const now = new Date().toISOString()
  const rows = await queryRows<{ id: number }>(
    payload,
    undefined,
    sql`INSERT INTO idempotency_keys (key, request_hash, state, created_at, updated_at)
        VALUES (${key}, ${requestHash}, ${'processing'}, ${now}, ${now})
        ON CONFLICT (key) DO NOTHING RETURNING id`,
  )
  return rows.length > 0
}

async function readClaim(payload: Payload, key: string) {
  const rows = await queryRows<{ request_hash: string; state: string; order_id: number | null; updated_at: string | Date }>(
    payload,
    undefined,
    sql`SELECT request_hash, state, order_id, updated_at FROM idempotency_keys WHERE key = ${key}`,
  )
  return rows[0]
}

/** Claims the key for this request, or waits for the request that holds it and replays its order. */
export async function claimIdempotencyKey(payload: Payload, key: string, requestHash: string): Promise<Claim> {
  const deadline = Date.now() + WAIT_LIMIT_MS
  while (Date.now() < deadline) {
    if (await tryInsert(payload, key, requestHash)) return { kind: 'claimed' }
    const row = await readClaim(payload, key)
    if (!row) continue
    if (row.request_hash !== requestHash) {
      throw new CommerceError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request body')
    }
    if (row.state === 'completed' && row.order_id != null) return { kind: 'replay', orderId: row.order_id }
    if (Date.now() - new Date(row.updated_at).getTime() > STALE_MS) await releaseIdempotencyKey(payload, key)
    else await sleep(WAIT_STEP_MS)
  }
  throw new CommerceError(503, 'busy', 'An earlier request with this Idempotency-Key is still being processed; retry shortly')
}

/** A refused checkout stores nothing, so the same key may be retried. */
export async function releaseIdempotencyKey(payload: Payload, key: string): Promise<void> {
  await queryRows(payload, undefined, sql`DELETE FROM idempotency_keys WHERE key = ${key} AND state = ${'processing'} RETURNING id`)
}
