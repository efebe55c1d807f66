import type { Payload, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { transactionSession } from './frameworkPatches'

type SQL = ReturnType<typeof sql>

type DrizzleLike = { execute?: (q: SQL) => Promise<{ rows: unknown[] }>; all?: (q: SQL) => Promise<unknown[]> }
type AdapterLike = { name: string; drizzle: DrizzleLike }

export { sql }

export function dialect(payload: Payload): 'postgres' | 'sqlite' {
  return (payload.db as unknown as AdapterLike).name === 'postgres' ? 'postgres' : 'sqlite'
}

// Raw statements run on the request's transaction when it has one, like Payload's own writes.
export async function queryRows<T>(payload: Payload, req: PayloadRequest | undefined, query: SQL): Promise<T[]> {
  const adapter = payload.db as unknown as AdapterLike
  const db = ((await transactionSession(payload, req))?.db as DrizzleLike | undefined) || adapter.drizzle
  if (adapter.name === 'postgres') return (await db.execute!(query)).rows as T[]
  return (await db.all!(query)) as T[]
}
