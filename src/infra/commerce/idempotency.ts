import type { Payload, PayloadRequest } from 'payload'

import { conflict } from '../../commerce/errors'
import { claimOrWait } from '../../commerce/idempotency'
import { deriveLookupToken } from '../../commerce/orderNumber'
import type { IdempotencyRows, StoredResponse } from '../../commerce/idempotency'
import type { CommerceStore, Id, IdempotencyScope } from '../../commerce/workflows'
import { queryRows, sql } from '../sql'

type KeyMethods = Pick<CommerceStore, 'claimIdempotencyKey' | 'completeIdempotencyKey' | 'releaseIdempotencyKey' | 'findIdempotencyKey'>

// Checkout keys are stored as sent (the rows written before scopes existed); another scope's keys get a prefix
// that no printable header value can contain, so the scopes never meet in the one unique column.
const SCOPE_SEPARATOR = '\u001f'
const storedKey = (scope: IdempotencyScope, key: string) => (scope === 'checkout' ? key : `${scope}${SCOPE_SEPARATOR}${key}`)

/** Derives guests' lookup tokens with this shop's secret (the one Payload was configured with). */
export function lookupTokenDeriver(payload: Payload): (key: string, requestHash: string) => string {
  return (key, requestHash) => deriveLookupToken(payload.config.secret, key, requestHash)
}

function keyRows(payload: Payload, req: PayloadRequest | undefined, key: string): IdempotencyRows {
  return {
    async insert(requestHash) {
      const now = new Date().toISOString()
      const rows = await queryRows<{ id: number }>(
        payload,
        req,
        sql`INSERT INTO idempotency_keys (key, request_hash, state, created_at, updated_at)
            VALUES (${key}, ${requestHash}, ${'processing'}, ${now}, ${now})
            ON CONFLICT (key) DO NOTHING RETURNING id`,
      )
      return rows[0]?.id ?? null
    },
    async read() {
      const rows = await queryRows<{
        id: number
        request_hash: string
        state: string
        order_id: number | null
        response: string | null
        updated_at: string | Date
      }>(payload, req, sql`SELECT id, request_hash, state, order_id, response, updated_at FROM idempotency_keys WHERE key = ${key}`)
      const row = rows[0]
      if (!row) return null
      return {
        claimId: row.id,
        requestHash: row.request_hash,
        completed: row.state === 'completed',
        resultId: row.order_id,
        response: row.response ? (JSON.parse(row.response) as StoredResponse) : null,
        updatedAt: new Date(row.updated_at),
      }
    },
    // A released claim is renamed out of the way, not deleted: SQLite hands a deleted highest id to the next row,
    // and a late request holding the old claim id could then complete someone else's claim. The cleanup job
    // deletes renamed rows with the rest after a day.
    async remove(claimId) {
      await queryRows(
        payload,
        req,
        sql`UPDATE idempotency_keys SET key = ${`released${SCOPE_SEPARATOR}`} || id || ${SCOPE_SEPARATOR} || key
            WHERE id = ${Number(claimId)} AND state = ${'processing'} RETURNING id`,
      )
    },
  }
}

/** The idempotency half of the CommerceStore port, on the idempotency_keys table (one row per key). */
export function idempotencyKeys(payload: Payload, req?: PayloadRequest): KeyMethods {
  return {
    claimIdempotencyKey: (scope, key, requestHash) => claimOrWait(keyRows(payload, req, storedKey(scope, key)), requestHash),
    async completeIdempotencyKey(scope, key, claimId, resultId, response) {
      const order = resultId === null ? null : Number(resultId)
      const answer = response ? JSON.stringify(response) : null
      const done = await queryRows<{ id: number }>(
        payload,
        req,
        sql`UPDATE idempotency_keys SET state = ${'completed'}, order_id = ${order}, response = ${answer}, updated_at = ${new Date().toISOString()}
            WHERE id = ${Number(claimId)} AND key = ${storedKey(scope, key)} AND state = ${'processing'} RETURNING id`,
      )
      if (done.length === 0) throw conflict('idempotency_key_taken', `Idempotency-Key ${key} is no longer claimed by this request`)
    },
    releaseIdempotencyKey: (scope, key, claimId) => keyRows(payload, req, storedKey(scope, key)).remove(claimId),
    async findIdempotencyKey(scope, resultId) {
      const rows = await queryRows<{ key: string; request_hash: string }>(
        payload,
        req,
        sql`SELECT key, request_hash FROM idempotency_keys WHERE order_id = ${Number(resultId)}`,
      )
      const prefix = scope === 'checkout' ? '' : `${scope}${SCOPE_SEPARATOR}`
      const row = rows.find((r) => (prefix ? r.key.startsWith(prefix) : !r.key.includes(SCOPE_SEPARATOR)))
      return row ? { key: row.key.slice(prefix.length), requestHash: row.request_hash } : null
    },
  }
}

/** The guest's lookup token for an order placed with an Idempotency-Key, rebuilt for its emails; the raw token is never stored. */
export async function lookupTokenForOrder(payload: Payload, orderId: Id): Promise<string | undefined> {
  const found = await idempotencyKeys(payload).findIdempotencyKey('checkout', orderId)
  return found ? lookupTokenDeriver(payload)(found.key, found.requestHash) : undefined
}
