import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" varchar NOT NULL,
  	"summary" varchar NOT NULL,
  	"actor_email" varchar,
  	"actor_collection" varchar,
  	"actor_id" varchar,
  	"target_id" varchar,
  	"target_collection" varchar,
  	"target_email" varchar,
  	"details" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "two_factor_enabled" boolean DEFAULT false;
  ALTER TABLE "users" ADD COLUMN "two_factor" jsonb;
  ALTER TABLE "orders" ADD COLUMN "client_address" varchar;
  ALTER TABLE "media" ADD COLUMN "prefix" varchar DEFAULT '';
  ALTER TABLE "media" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_log_id" integer;
  ALTER TABLE "store_settings" ADD COLUMN "holds_anonymous_hold_minutes" numeric DEFAULT 60 NOT NULL;
  ALTER TABLE "store_settings" ADD COLUMN "holds_max_pending_orders" numeric DEFAULT 3 NOT NULL;
  ALTER TABLE "store_settings" ADD COLUMN "holds_max_pending_units" numeric DEFAULT 20 NOT NULL;
  ALTER TABLE "store_settings" ADD COLUMN "holds_max_lines" numeric DEFAULT 50 NOT NULL;
  ALTER TABLE "store_settings" ADD COLUMN "holds_max_line_quantity" numeric DEFAULT 100 NOT NULL;
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_actor_email_idx" ON "audit_log" USING btree ("actor_email");
  CREATE INDEX "audit_log_target_id_idx" ON "audit_log" USING btree ("target_id");
  CREATE INDEX "audit_log_target_collection_idx" ON "audit_log" USING btree ("target_collection");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "products_title_idx" ON "products" USING btree ("title");
  CREATE INDEX "_products_v_version_version_title_idx" ON "_products_v" USING btree ("version_title");
  CREATE INDEX "orders_client_address_idx" ON "orders" USING btree ("client_address");
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");
  ALTER TABLE "users" DROP COLUMN "login_attempts";
  ALTER TABLE "users" DROP COLUMN "lock_until";
  ALTER TABLE "customers" DROP COLUMN "login_attempts";
  ALTER TABLE "customers" DROP COLUMN "lock_until";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "audit_log" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_log_fk";
  
  DROP INDEX "products_title_idx";
  DROP INDEX "_products_v_version_version_title_idx";
  DROP INDEX "orders_client_address_idx";
  DROP INDEX "payload_locked_documents_rels_audit_log_id_idx";
  ALTER TABLE "users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "customers" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "customers" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "users" DROP COLUMN "two_factor_enabled";
  ALTER TABLE "users" DROP COLUMN "two_factor";
  ALTER TABLE "orders" DROP COLUMN "client_address";
  ALTER TABLE "media" DROP COLUMN "prefix";
  ALTER TABLE "media" DROP COLUMN "_objectkey";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_log_id";
  ALTER TABLE "store_settings" DROP COLUMN "holds_anonymous_hold_minutes";
  ALTER TABLE "store_settings" DROP COLUMN "holds_max_pending_orders";
  ALTER TABLE "store_settings" DROP COLUMN "holds_max_pending_units";
  ALTER TABLE "store_settings" DROP COLUMN "holds_max_lines";
  ALTER TABLE "store_settings" DROP COLUMN "holds_max_line_quantity";`)
}
