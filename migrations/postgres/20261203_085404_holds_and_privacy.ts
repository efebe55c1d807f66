import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "orders" ADD COLUMN "client_address" varchar;
  ALTER TABLE "store_settings" ADD COLUMN "holds_anonymous_hold_minutes" numeric DEFAULT 60 NOT NULL;
  ALTER TABLE "store_settings" ADD COLUMN "holds_max_pending_orders" numeric DEFAULT 3 NOT NULL;
  ALTER TABLE "store_settings" ADD COLUMN "holds_max_pending_units" numeric DEFAULT 20 NOT NULL;
  ALTER TABLE "store_settings" ADD COLUMN "holds_max_lines" numeric DEFAULT 50 NOT NULL;
  ALTER TABLE "store_settings" ADD COLUMN "holds_max_line_quantity" numeric DEFAULT 100 NOT NULL;
  CREATE INDEX "orders_client_address_idx" ON "orders" USING btree ("client_address");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "orders_client_address_idx";
  ALTER TABLE "orders" DROP COLUMN "client_address";
  ALTER TABLE "store_settings" DROP COLUMN "holds_anonymous_hold_minutes";
  ALTER TABLE "store_settings" DROP COLUMN "holds_max_pending_orders";
  ALTER TABLE "store_settings" DROP COLUMN "holds_max_pending_units";
  ALTER TABLE "store_settings" DROP COLUMN "holds_max_lines";
  ALTER TABLE "store_settings" DROP COLUMN "holds_max_line_quantity";`)
}
