import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`store_settings_carriers\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`tracking_url_template\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`store_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`store_settings_carriers_order_idx\` ON \`store_settings_carriers\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`store_settings_carriers_parent_id_idx\` ON \`store_settings_carriers\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`store_settings_carriers\`;`)
}
