import type { Payload, PayloadRequest } from 'payload'

import { dialect, queryRows, sql } from '../sql'

/** A column of a bulk insert: its name and its PostgreSQL type (SQLite takes the JSON values as they are). */
export type JsonColumn = readonly [name: string, pgType: string]
type Row = Record<string, unknown>

// Rows per statement: one JSON text parameter each, so the bound is memory, not SQLite's parameter limit.
const CHUNK = 5000

/**
 * Inserts rows (keyed by column name) with one statement per 5,000 rows: the rows travel as ONE JSON parameter that
 * the database unpacks itself (`json_each` on SQLite, `json_to_recordset` on PostgreSQL), so neither the driver nor
 * the query builder handles a parameter per cell. Runs on the request's transaction. Returns the `returning` columns.
 */
export async function insertJson<T extends Row = Row>(
  payload: Payload,
  req: PayloadRequest,
  table: string,
  columns: readonly JsonColumn[],
  rows: readonly Row[],
  returning: readonly string[] = [],
): Promise<T[]> {
  const out: T[] = []
  const names = sql.raw(columns.map(([name]) => `"${name}"`).join(', '))
  const back = returning.length ? sql.raw(` RETURNING ${returning.map((name) => `"${name}"`).join(', ')}`) : sql.raw('')
  const postgres = dialect(payload) === 'postgres'
  const record = sql.raw(columns.map(([name, type]) => `"${name}" ${type}`).join(', '))
  const extract = sql.raw(columns.map(([name]) => `json_extract(value, '$.${name}')`).join(', '))
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK))
    const query = postgres
      ? sql`INSERT INTO ${sql.raw(`"${table}"`)} (${names}) SELECT ${names} FROM json_to_recordset(${json}::json) AS x(${record})${back}`
      : sql`INSERT INTO ${sql.raw(`"${table}"`)} (${names}) SELECT ${extract} FROM json_each(${json})${back}`
    out.push(...(await queryRows<T>(payload, req, query)))
  }
  return out
}
