import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-postgres'

import { createPublishedCount, dropPublishedCount } from '../../src/infra/search/publishedCount'

// The catalogue's published count kept in a row by triggers on `products` (src/infra/search/publishedCount.ts), set
// from the table under a lock in this migration's transaction.
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await createPublishedCount(payload, req)
}

export async function down({ payload, req }: MigrateDownArgs): Promise<void> {
  await dropPublishedCount(payload, req)
}
