// Applies the committed migrations for the configured database, then exits.
import { getPayload } from 'payload'

import config from '../payload.config'
import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { env } from '../src/infra/env'

try {
  const payload = await getPayload({ config })
  const migrations = env().database.kind === 'postgres' ? postgresMigrations : sqliteMigrations
  await payload.db.migrate({ migrations: migrations as never })
  payload.logger.info(`Database schema is up to date (${migrations.length} migration(s) known)`)
  process.exit(0)
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
