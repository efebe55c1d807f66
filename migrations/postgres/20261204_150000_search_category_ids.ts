import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-postgres'

import { addCategoryIds } from '../../src/infra/search/schema'
import { queryRows, sql } from '../../src/infra/sql'

// Each search row carries its product's category ids, filled here from search_product_categories, and the search
// table gets no parallel workers (src/infra/search/schema.ts, docs/performance.md).
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await addCategoryIds(payload, req)
}

export async function down({ payload, req }: MigrateDownArgs): Promise<void> {
  await queryRows(payload, req, sql.raw(`ALTER TABLE search_products RESET (parallel_workers)`))
  await queryRows(payload, req, sql.raw(`ALTER TABLE search_products DROP COLUMN IF EXISTS category_ids`))
}
