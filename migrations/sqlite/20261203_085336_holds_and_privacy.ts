import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`orders\` ADD \`client_address\` text;`)
  await db.run(sql`CREATE INDEX \`orders_client_address_idx\` ON \`orders\` (\`client_address\`);`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`holds_anonymous_hold_minutes\` numeric DEFAULT 60 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`holds_max_pending_orders\` numeric DEFAULT 3 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`holds_max_pending_units\` numeric DEFAULT 20 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`holds_max_lines\` numeric DEFAULT 50 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`store_settings\` ADD \`holds_max_line_quantity\` numeric DEFAULT 100 NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`orders_client_address_idx\`;`)
  await db.run(sql`ALTER TABLE \`orders\` DROP COLUMN \`client_address\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`holds_anonymous_hold_minutes\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`holds_max_pending_orders\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`holds_max_pending_units\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`holds_max_lines\`;`)
  await db.run(sql`ALTER TABLE \`store_settings\` DROP COLUMN \`holds_max_line_quantity\`;`)
}
