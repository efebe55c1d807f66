import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "store_settings" ADD COLUMN "bank_details_account_name" varchar;
  ALTER TABLE "store_settings" ADD COLUMN "bank_details_sort_code" varchar;
  ALTER TABLE "store_settings" ADD COLUMN "bank_details_account_number" varchar;
  ALTER TABLE "store_settings" ADD COLUMN "bank_details_iban" varchar;
  ALTER TABLE "store_settings" ADD COLUMN "bank_details_bic" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "store_settings" DROP COLUMN "bank_details_account_name";
  ALTER TABLE "store_settings" DROP COLUMN "bank_details_sort_code";
  ALTER TABLE "store_settings" DROP COLUMN "bank_details_account_number";
  ALTER TABLE "store_settings" DROP COLUMN "bank_details_iban";
  ALTER TABLE "store_settings" DROP COLUMN "bank_details_bic";`)
}
