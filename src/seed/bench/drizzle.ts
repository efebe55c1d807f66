import type { Payload } from 'payload'

// The slice of Payload's drizzle adapter the bulk writer needs; both the postgres and sqlite adapters have it.
export type Table = Record<string, unknown>
type Row = Record<string, unknown>

interface InsertBuilder extends PromiseLike<unknown> {
  returning(fields: Record<string, unknown>): Promise<Row[]>
}

export interface DrizzleDb {
  insert(table: Table): { values(rows: Row[]): InsertBuilder }
  transaction<T>(run: (tx: DrizzleDb) => Promise<T>): Promise<T>
}

export interface DrizzleAdapter {
  drizzle: DrizzleDb
  tables: Record<string, Table>
}

// Keeps every statement under the bind-parameter limits of Postgres (65,535) and SQLite (32,766).
const MAX_PARAMS = 20000

export function drizzleAdapter(payload: Payload): DrizzleAdapter {
  const adapter = payload.db as unknown as Partial<DrizzleAdapter>
  if (!adapter.drizzle || !adapter.tables) throw new Error('Bulk seeding needs a drizzle-based database adapter (postgres or sqlite)')
  return adapter as DrizzleAdapter
}

export function table(adapter: DrizzleAdapter, name: string): Table {
  const found = adapter.tables[name]
  if (!found) throw new Error(`Bulk seeding expected a table named ${name}; has the products schema changed?`)
  return found
}

/** Inserts rows in chunks; with `returning`, answers the listed columns of every inserted row, in order. */
export async function insertRows(db: DrizzleDb, target: Table, rows: Row[], returning?: string[]): Promise<Row[]> {
  if (rows.length === 0) return []
  const columns = Object.keys(rows[0]!).length
  const size = Math.max(1, Math.floor(MAX_PARAMS / Math.max(columns, 1)))
  const out: Row[] = []
  for (let start = 0; start < rows.length; start += size) {
    const query = db.insert(target).values(rows.slice(start, start + size))
    if (returning) out.push(...(await query.returning(Object.fromEntries(returning.map((c) => [c, target[c]])))))
    else await query
  }
  return out
}
