import type { Payload } from 'payload'

export type Tally = Record<'settings' | 'users' | 'customers' | 'categories' | 'media' | 'products' | 'stock' | 'benchProducts', number>

/** What every seeding step receives: Payload, a progress line printer and the counts of what it created. */
export interface SeedContext {
  payload: Payload
  log: (line: string) => void
  tally: Tally
  /** Local API writes in flight at once: several on Postgres, one on SQLite (one writer at a time). */
  concurrency: number
}

// Hooks read these flags to skip emails, cache invalidation and the direct-stock-edit guard
// (`workflowWrite`, not `internal`: Lexical keeps its own state in context.internal).
export const SEED_CONTEXT = { seed: true, workflowWrite: true } as const

export function emptyTally(): Tally {
  return { settings: 0, users: 0, customers: 0, categories: 0, media: 0, products: 0, stock: 0, benchProducts: 0 }
}
