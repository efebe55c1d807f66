import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

import { rebuildSearchIndex } from '../../src/infra/search/indexer'
import { createSearchSchema, dropSearchSchema } from '../../src/infra/search/schema'

// The search index (docs/search.md): tables Payload's schema does not describe, so no snapshot change. The same
// function creates them on pushed test databases (plugins/search). Existing published products are indexed here.
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await createSearchSchema(payload, req)
  await rebuildSearchIndex(payload, req)
}

export async function down({ payload, req }: MigrateDownArgs): Promise<void> {
  await dropSearchSchema(payload, req)
}
