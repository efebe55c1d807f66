import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-postgres'

import { addChangeTracking, dropChangeTracking } from '../../src/infra/search/schema'

// Each search row names the transaction that last changed what a search reads, and deleted rows are listed, so the
// in-memory search index follows the table (src/infra/search/schema.ts, src/infra/search/memoryIndex.ts).
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await addChangeTracking(payload, req)
}

export async function down({ payload, req }: MigrateDownArgs): Promise<void> {
  await dropChangeTracking(payload, req)
}
