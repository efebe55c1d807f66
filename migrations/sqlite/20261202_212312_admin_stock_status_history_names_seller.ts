import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`inventory\` ADD \`stock_status\` text DEFAULT 'out';`)
  await db.run(sql`CREATE INDEX \`inventory_stock_status_idx\` ON \`inventory\` (\`stock_status\`);`)
  // Existing rows get the status their figures give (stockStatusOf in src/commerce/stockStatus.ts).
  await db.run(
    sql`UPDATE \`inventory\` SET \`stock_status\` = CASE WHEN \`available\` <= 0 THEN 'out' WHEN \`available\` <= COALESCE(\`low_stock_threshold\`, 0) THEN 'low' ELSE 'ok' END;`,
  )
  await db.run(sql`ALTER TABLE \`orders_status_history\` ADD \`by_name\` text;`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`seller_legal_name\` text;`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`seller_address\` text;`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`seller_vat_number\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`inventory_stock_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`inventory\` DROP COLUMN \`stock_status\`;`)
  await db.run(sql`ALTER TABLE \`orders_status_history\` DROP COLUMN \`by_name\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`seller_legal_name\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`seller_address\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`seller_vat_number\`;`)
}
