import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "products_title_idx" ON "products" USING btree ("title");
  CREATE INDEX "_products_v_version_version_title_idx" ON "_products_v" USING btree ("version_title");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "products_title_idx";
  DROP INDEX "_products_v_version_version_title_idx";`)
}
