import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "store_settings_carriers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"tracking_url_template" varchar NOT NULL
  );
  
  ALTER TABLE "store_settings_carriers" ADD CONSTRAINT "store_settings_carriers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."store_settings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "store_settings_carriers_order_idx" ON "store_settings_carriers" USING btree ("_order");
  CREATE INDEX "store_settings_carriers_parent_id_idx" ON "store_settings_carriers" USING btree ("_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "store_settings_carriers" CASCADE;`)
}
