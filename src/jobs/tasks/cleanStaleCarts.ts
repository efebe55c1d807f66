import type { TaskConfig } from 'payload'

import { clearCartsUntouchedSince } from '../../infra/cleanups'

type CleanStaleCarts = TaskConfig<{ input: { olderThanDays?: number }; output: { cleared: number } }>

// A saved cart untouched for weeks holds prices and SKUs that have moved on; the customer starts afresh.
export function createCleanStaleCarts(clearSince = clearCartsUntouchedSince, now = () => new Date()): CleanStaleCarts {
  return {
    slug: 'cleanStaleCarts',
    label: 'Empty customers’ saved carts untouched for weeks',
    retries: 2,
    inputSchema: [{ name: 'olderThanDays', type: 'number' }],
    outputSchema: [{ name: 'cleared', type: 'number' }],
    handler: async ({ input, req }) => {
      const cutoff = new Date(now().getTime() - (input.olderThanDays ?? 30) * 86_400_000)
      return { output: { cleared: await clearSince(req.payload, cutoff) } }
    },
  }
}

export const cleanStaleCarts = createCleanStaleCarts()
