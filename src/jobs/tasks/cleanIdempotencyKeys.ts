import type { TaskConfig } from 'payload'

import { deleteIdempotencyKeysBefore } from '../../infra/cleanups'

type CleanIdempotencyKeys = TaskConfig<{ input: { olderThanHours?: number }; output: { deleted: number } }>

// A checkout retried a day later is a new checkout; the claims behind older keys can go.
export function createCleanIdempotencyKeys(deleteBefore = deleteIdempotencyKeysBefore, now = () => new Date()): CleanIdempotencyKeys {
  return {
    slug: 'cleanIdempotencyKeys',
    label: 'Delete Idempotency-Key claims older than a day',
    retries: 2,
    inputSchema: [{ name: 'olderThanHours', type: 'number' }],
    outputSchema: [{ name: 'deleted', type: 'number' }],
    handler: async ({ input, req }) => {
      const cutoff = new Date(now().getTime() - (input.olderThanHours ?? 24) * 3_600_000)
      return { output: { deleted: await deleteBefore(req.payload, cutoff) } }
    },
  }
}

export const cleanIdempotencyKeys = createCleanIdempotencyKeys()
