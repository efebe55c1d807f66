import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_reviews_status" AS ENUM('pending', 'approved', 'rejected');
  CREATE TYPE "public"."enum_back_in_stock_subscriptions_status" AS ENUM('open', 'notified');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendBackInStockEmail';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendBackInStockEmail';
  CREATE TABLE "reviews" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"product_id" integer NOT NULL,
  	"rating" numeric NOT NULL,
  	"title" varchar NOT NULL,
  	"text" varchar NOT NULL,
  	"status" "enum_reviews_status" DEFAULT 'pending' NOT NULL,
  	"customer_id" integer,
  	"author_name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "back_in_stock_subscriptions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sku" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"status" "enum_back_in_stock_subscriptions_status" DEFAULT 'open' NOT NULL,
  	"notified_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "products" ADD COLUMN "rating_average" numeric;
  ALTER TABLE "products" ADD COLUMN "rating_count" numeric DEFAULT 0;
  ALTER TABLE "_products_v" ADD COLUMN "version_rating_average" numeric;
  ALTER TABLE "_products_v" ADD COLUMN "version_rating_count" numeric DEFAULT 0;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reviews_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "back_in_stock_subscriptions_id" integer;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "reviews_product_idx" ON "reviews" USING btree ("product_id");
  CREATE INDEX "reviews_status_idx" ON "reviews" USING btree ("status");
  CREATE INDEX "reviews_customer_idx" ON "reviews" USING btree ("customer_id");
  CREATE INDEX "reviews_updated_at_idx" ON "reviews" USING btree ("updated_at");
  CREATE INDEX "reviews_created_at_idx" ON "reviews" USING btree ("created_at");
  CREATE UNIQUE INDEX "product_customer_idx" ON "reviews" USING btree ("product_id","customer_id");
  CREATE INDEX "back_in_stock_subscriptions_sku_idx" ON "back_in_stock_subscriptions" USING btree ("sku");
  CREATE INDEX "back_in_stock_subscriptions_email_idx" ON "back_in_stock_subscriptions" USING btree ("email");
  CREATE INDEX "back_in_stock_subscriptions_status_idx" ON "back_in_stock_subscriptions" USING btree ("status");
  CREATE INDEX "back_in_stock_subscriptions_updated_at_idx" ON "back_in_stock_subscriptions" USING btree ("updated_at");
  CREATE INDEX "back_in_stock_subscriptions_created_at_idx" ON "back_in_stock_subscriptions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reviews_fk" FOREIGN KEY ("reviews_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_back_in_stock_subscriptions_fk" FOREIGN KEY ("back_in_stock_subscriptions_id") REFERENCES "public"."back_in_stock_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_reviews_id_idx" ON "payload_locked_documents_rels" USING btree ("reviews_id");
  CREATE INDEX "payload_locked_documents_rels_back_in_stock_subscription_idx" ON "payload_locked_documents_rels" USING btree ("back_in_stock_subscriptions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "reviews" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "back_in_stock_subscriptions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "reviews" CASCADE;
  DROP TABLE "back_in_stock_subscriptions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reviews_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_back_in_stock_subscriptions_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendOrderEmail', 'sendLowStockAlert', 'releaseExpiredReservations', 'sendLowStockDigest', 'cleanIdempotencyKeys', 'cleanStaleCarts', 'applyCatalogueImport');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendOrderEmail', 'sendLowStockAlert', 'releaseExpiredReservations', 'sendLowStockDigest', 'cleanIdempotencyKeys', 'cleanStaleCarts', 'applyCatalogueImport');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_reviews_id_idx";
  DROP INDEX "payload_locked_documents_rels_back_in_stock_subscription_idx";
  ALTER TABLE "products" DROP COLUMN "rating_average";
  ALTER TABLE "products" DROP COLUMN "rating_count";
  ALTER TABLE "_products_v" DROP COLUMN "version_rating_average";
  ALTER TABLE "_products_v" DROP COLUMN "version_rating_count";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reviews_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "back_in_stock_subscriptions_id";
  DROP TYPE "public"."enum_reviews_status";
  DROP TYPE "public"."enum_back_in_stock_subscriptions_status";`)
}
