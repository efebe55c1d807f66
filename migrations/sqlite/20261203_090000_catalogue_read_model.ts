import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

import { createSearchSchema } from '../../src/infra/search/schema'

// The catalogue read model (docs/performance.md): two columns on the search index's search_products, added by
// the same idempotent function that creates the index. Rows start unrendered; the server renders them.
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await createSearchSchema(payload, req)
}

// The columns are harmless to older code, and SQLite before 3.35 cannot drop a column: they stay.
export async function down(_args: MigrateDownArgs): Promise<void> {}
