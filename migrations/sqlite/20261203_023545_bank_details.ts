import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`bank_details_account_name\` text;`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`bank_details_sort_code\` text;`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`bank_details_account_number\` text;`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`bank_details_iban\` text;`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`bank_details_bic\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`bank_details_account_name\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`bank_details_sort_code\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`bank_details_account_number\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`bank_details_iban\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`bank_details_bic\`;`)
}
