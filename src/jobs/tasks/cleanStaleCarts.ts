import type { TaskConfig } from 'payload'

import { queryRows, sql } from '../../infra/sql'

// A saved cart untouched for weeks holds prices and SKUs that have moved on; the customer starts afresh.
export const cleanStaleCarts: TaskConfig<{ input: { olderThanDays?: number }; output: { cleared: number } }> = {
  slug: 'cleanStaleCarts',
  label: 'Empty customers’ saved carts untouched for weeks',
  retries: 2,
  inputSchema: [{ name: 'olderThanDays', type: 'number' }],
  outputSchema: [{ name: 'cleared', type: 'number' }],
  handler: async ({ input, req }) => {
    const cutoff = new Date(Date.now() - (input.olderThanDays ?? 30) * 86_400_000).toISOString()
    const rows = await queryRows<{ id: number }>(
      req.payload,
      undefined,
      sql`UPDATE customers SET cart = NULL WHERE cart IS NOT NULL AND updated_at < ${cutoff} RETURNING id`,
    )
    return { output: { cleared: rows.length } }
  },
}
