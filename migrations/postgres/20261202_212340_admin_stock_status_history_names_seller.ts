import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_inventory_stock_status" AS ENUM('ok', 'low', 'out');
  CREATE TYPE "public"."enum_orders_payment_method" AS ENUM('manual', 'test-card');
  ALTER TABLE "orders" ALTER COLUMN "payment_method" SET DATA TYPE "public"."enum_orders_payment_method" USING "payment_method"::"public"."enum_orders_payment_method";
  ALTER TABLE "inventory" ADD COLUMN "stock_status" "enum_inventory_stock_status" DEFAULT 'out';
  ALTER TABLE "orders_status_history" ADD COLUMN "by_name" varchar;
  ALTER TABLE "store_settings" ADD COLUMN "seller_legal_name" varchar;
  ALTER TABLE "store_settings" ADD COLUMN "seller_address" varchar;
  ALTER TABLE "store_settings" ADD COLUMN "seller_vat_number" varchar;
  CREATE INDEX "inventory_stock_status_idx" ON "inventory" USING btree ("stock_status");
  UPDATE "inventory" SET "stock_status" = (CASE WHEN "available" <= 0 THEN 'out' WHEN "available" <= COALESCE("low_stock_threshold", 0) THEN 'low' ELSE 'ok' END)::"enum_inventory_stock_status";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "inventory_stock_status_idx";
  ALTER TABLE "orders" ALTER COLUMN "payment_method" SET DATA TYPE varchar;
  ALTER TABLE "inventory" DROP COLUMN "stock_status";
  ALTER TABLE "orders_status_history" DROP COLUMN "by_name";
  ALTER TABLE "store_settings" DROP COLUMN "seller_legal_name";
  ALTER TABLE "store_settings" DROP COLUMN "seller_address";
  ALTER TABLE "store_settings" DROP COLUMN "seller_vat_number";
  DROP TYPE "public"."enum_inventory_stock_status";
  DROP TYPE "public"."enum_orders_payment_method";`)
}
