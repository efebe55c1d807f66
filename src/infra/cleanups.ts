import type { Payload } from 'payload'

import { queryRows, sql } from './sql'

/** Deletes the Idempotency-Key claims made before `cutoff`; answers how many went. */
export async function deleteIdempotencyKeysBefore(payload: Payload, cutoff: Date): Promise<number> {
  const rows = await queryRows<{ id: number }>(payload, undefined, sql`DELETE FROM idempotency_keys WHERE created_at < ${cutoff.toISOString()} RETURNING id`)
  return rows.length
}

/** Empties the saved carts of customers not updated since `cutoff`; answers how many were emptied. */
export async function clearCartsUntouchedSince(payload: Payload, cutoff: Date): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    payload,
    undefined,
    sql`UPDATE customers SET cart = NULL WHERE cart IS NOT NULL AND updated_at < ${cutoff.toISOString()} RETURNING id`,
  )
  return rows.length
}
