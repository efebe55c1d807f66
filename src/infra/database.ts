import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import path from 'node:path'

import type { Env } from './env'
import { withOneWriterAtATime } from './frameworkPatches'
import { prepareSqliteFile } from './sqliteFile'

// Only other processes (a seed or migration run beside the server) ever make this process wait on SQLite's lock.
const SQLITE_BUSY_TIMEOUT_MS = 5000

// Committed migrations (scripts/migrate.ts) shape every kept database; only throw-away test databases push (DB_PUSH=true).
export function databaseAdapter(env: Env): DatabaseAdapterObj {
  if (env.database.kind === 'postgres') {
    return postgresAdapter({
      pool: {
        connectionString: env.database.url,
        max: env.DB_POOL_MAX,
        statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
        idle_in_transaction_session_timeout: env.DB_STATEMENT_TIMEOUT_MS * 2,
      },
      push: env.DB_PUSH,
      migrationDir: path.resolve('migrations/postgres'),
    })
  }
  return withOneWriterAtATime(
    sqliteAdapter({
      client: { url: prepareSqliteFile(env.database.url) },
      push: env.DB_PUSH,
      migrationDir: path.resolve('migrations/sqlite'),
      // Transactions on, so a checkout is all-or-nothing here too; a lost write race becomes 503 + Retry-After.
      transactionOptions: {},
      // WAL lets readers and the one writer proceed together; without it a COMMIT can fail while others read.
      wal: true,
      busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
    }),
  )
}
