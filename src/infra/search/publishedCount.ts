import type { Payload, PayloadRequest } from 'payload'

import { dialect, queryRows, sql } from '../sql'

// How many products an anonymous reader sees (`_status = 'published'`), kept in one row on PostgreSQL so a catalogue
// page need not count the table on every request (docs/performance.md, "Growth"). Statement triggers on `products`
// add each statement's change from its transition tables, in the writing transaction: whatever writes the table
// (Payload, the bulk seeder, an import, psql) keeps it exact, and a rollback takes the change back with it. The row
// is only locked by a statement that changes the count. SQLite keeps count(*): its catalogues are small, and its
// migrations rebuild a changed table, which would drop the triggers.

const FUNCTIONS = [
  `CREATE TABLE IF NOT EXISTS catalogue_count (id integer PRIMARY KEY CHECK (id = 1), published bigint NOT NULL)`,
  `CREATE OR REPLACE FUNCTION catalogue_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     delta bigint := 0;
   BEGIN
     IF TG_OP IN ('INSERT', 'UPDATE') THEN
       delta := delta + (SELECT count(*) FROM catalogue_new_rows WHERE _status = 'published');
     END IF;
     IF TG_OP IN ('UPDATE', 'DELETE') THEN
       delta := delta - (SELECT count(*) FROM catalogue_old_rows WHERE _status = 'published');
     END IF;
     IF delta <> 0 THEN
       UPDATE catalogue_count SET published = published + delta WHERE id = 1;
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE FUNCTION catalogue_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE catalogue_count SET published = 0 WHERE id = 1;
     RETURN NULL;
   END $$`,
]

// One statement, so the triggers and the recount see the same table: the lock holds writers off until it commits.
const TRIGGERS_AND_RECOUNT = `DO $$ BEGIN
  LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE;
  CREATE OR REPLACE TRIGGER catalogue_count_insert AFTER INSERT ON products
    REFERENCING NEW TABLE AS catalogue_new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_count_change();
  CREATE OR REPLACE TRIGGER catalogue_count_update AFTER UPDATE ON products
    REFERENCING OLD TABLE AS catalogue_old_rows NEW TABLE AS catalogue_new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_count_change();
  CREATE OR REPLACE TRIGGER catalogue_count_delete AFTER DELETE ON products
    REFERENCING OLD TABLE AS catalogue_old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_count_change();
  CREATE OR REPLACE TRIGGER catalogue_count_truncate AFTER TRUNCATE ON products FOR EACH STATEMENT EXECUTE FUNCTION catalogue_count_truncated();
  INSERT INTO catalogue_count (id, published) SELECT 1, count(*) FROM products WHERE _status = 'published'
    ON CONFLICT (id) DO UPDATE SET published = excluded.published;
END $$`

/** Creates (or re-creates) the maintained count and sets it from the table; PostgreSQL only, idempotent. */
export async function createPublishedCount(payload: Payload, req?: PayloadRequest): Promise<void> {
  if (dialect(payload) !== 'postgres') return
  for (const statement of [...FUNCTIONS, TRIGGERS_AND_RECOUNT]) await queryRows(payload, req, sql.raw(statement))
}

/** Drops what createPublishedCount made (a migration's down). */
export async function dropPublishedCount(payload: Payload, req?: PayloadRequest): Promise<void> {
  if (dialect(payload) !== 'postgres') return
  for (const statement of [
    ...['insert', 'update', 'delete', 'truncate'].map((op) => `DROP TRIGGER IF EXISTS catalogue_count_${op} ON products`),
    `DROP FUNCTION IF EXISTS catalogue_count_change()`,
    `DROP FUNCTION IF EXISTS catalogue_count_truncated()`,
    `DROP TABLE IF EXISTS catalogue_count`,
  ])
    await queryRows(payload, req, sql.raw(statement))
}

/** The number of published products, as a subquery for a catalogue statement (kept in a row on PostgreSQL). */
export function publishedTotal(payload: Payload): ReturnType<typeof sql> {
  return dialect(payload) === 'postgres'
    ? sql`(SELECT published FROM catalogue_count WHERE id = 1)`
    : sql`(SELECT count(*) FROM products WHERE _status = 'published')`
}
