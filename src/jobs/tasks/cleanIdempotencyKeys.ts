import type { TaskConfig } from 'payload'

import { queryRows, sql } from '../../infra/sql'

// A checkout retried a day later is a new checkout; the claims behind older keys can go.
export const cleanIdempotencyKeys: TaskConfig<{ input: { olderThanHours?: number }; output: { deleted: number } }> = {
  slug: 'cleanIdempotencyKeys',
  label: 'Delete Idempotency-Key claims older than a day',
  retries: 2,
  inputSchema: [{ name: 'olderThanHours', type: 'number' }],
  outputSchema: [{ name: 'deleted', type: 'number' }],
  handler: async ({ input, req }) => {
    const cutoff = new Date(Date.now() - (input.olderThanHours ?? 24) * 3_600_000).toISOString()
    const rows = await queryRows<{ id: number }>(req.payload, undefined, sql`DELETE FROM idempotency_keys WHERE created_at < ${cutoff} RETURNING id`)
    return { output: { deleted: rows.length } }
  },
}
