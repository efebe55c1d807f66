import type { Payload } from 'payload'

import { formatOrderNumber } from '../../commerce/orderNumber'
import { dialect, queryRows, sql } from '../sql'

// Checkout authorises the payment before its stock transaction, so an order's number is taken before the order
// row exists. Numbers come from their own counter, never from the orders' id sequence: taking both from one
// sequence would make every second number a gap (IR-000001, IR-000003, …).

/** The highest number an order has used: its own number, or its id for orders numbered from it. */
async function highestStoredNumber(payload: Payload): Promise<number> {
  const query =
    dialect(payload) === 'postgres'
      ? sql`SELECT greatest(coalesce(max(id), 0), coalesce(max(CAST(substring(order_number FROM 4) AS INTEGER)), 0)) AS n FROM orders`
      : sql`SELECT max(coalesce(max(id), 0), coalesce(max(CAST(substr(order_number, 4) AS INTEGER)), 0)) AS n FROM orders`
  const rows = await queryRows<{ n: number | string | null }>(payload, undefined, query)
  return Number(rows[0]?.n ?? 0)
}

const SEQUENCE = 'order_numbers'
const UNDEFINED_TABLE = '42P01'

const codeOf = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } }
  return e?.code ?? e?.cause?.code
}

async function nextFromSequence(payload: Payload): Promise<number> {
  const rows = await queryRows<{ n: string | number }>(payload, undefined, sql`SELECT nextval(${SEQUENCE}) AS n`)
  return Number(rows[0].n)
}

/**
 * PostgreSQL: a sequence of its own, shared by every instance and outside any transaction, so a rolled-back
 * checkout leaves at most one gap. It is made on first use (schema push in development drops objects the
 * collections do not describe, so it cannot rely on a migration), starting above every number already issued.
 */
async function nextPostgresNumber(payload: Payload): Promise<number> {
  try {
    return await nextFromSequence(payload)
  } catch (error) {
    if (codeOf(error) !== UNDEFINED_TABLE) throw error
  }
  const start = (await highestStoredNumber(payload)) + 1
  // Another instance may create it at the same moment; either way the sequence exists afterwards.
  await queryRows(payload, undefined, sql.raw(`CREATE SEQUENCE IF NOT EXISTS ${SEQUENCE} START WITH ${Math.trunc(start)}`)).catch(() => undefined)
  return nextFromSequence(payload)
}

// SQLite: one process writes the file, so a counter in memory, started above every number stored, is enough.
const sqliteNumbers = new WeakMap<Payload, number>()

async function nextSqliteNumber(payload: Payload): Promise<number> {
  if (!sqliteNumbers.has(payload)) {
    const highest = await highestStoredNumber(payload)
    // Two first checkouts may both read; the later read must not move the counter back.
    sqliteNumbers.set(payload, Math.max(highest, sqliteNumbers.get(payload) ?? 0))
  }
  const next = (sqliteNumbers.get(payload) as number) + 1
  sqliteNumbers.set(payload, next)
  return next
}

export async function allocateOrderNumber(payload: Payload): Promise<string> {
  return formatOrderNumber(dialect(payload) === 'postgres' ? await nextPostgresNumber(payload) : await nextSqliteNumber(payload))
}
