import type { Payload } from 'payload'

import { events } from '../infra/events'
import type { Readiness } from '../infra/health'
import { setReadinessSource, setStockCountsSource, subscribeOrderMetrics } from '../infra/metrics'
import { queryRows, sql } from '../infra/sql'

/** SKUs at or below their threshold, and out of stock: one query per scrape. */
export async function countStockLevels(payload: Payload): Promise<{ low: number; out: number }> {
  const [row] = await queryRows<{ low: number | string | null; out: number | string | null }>(
    payload,
    undefined,
    sql`SELECT SUM(CASE WHEN available <= low_stock_threshold THEN 1 ELSE 0 END) AS low,
               SUM(CASE WHEN available <= 0 THEN 1 ELSE 0 END) AS out
        FROM inventory`,
  )
  return { low: Number(row?.low ?? 0), out: Number(row?.out ?? 0) }
}

/** Wires the metrics that are read (stock gauges, readiness) or pushed by events (orders) to this process. */
export function installMetricSources(payload: Payload, readiness: () => Promise<Readiness>): void {
  setStockCountsSource(() => countStockLevels(payload))
  setReadinessSource(readiness)
  subscribeOrderMetrics(events())
}

/** The committed migrations' names, or null when the database is pushed instead (development, tests). */
export async function expectedMigrations(payload: Payload, pushed: boolean): Promise<string[] | null> {
  if (pushed) return null
  const isPostgres = (payload.db as unknown as { name: string }).name === 'postgres'
  const { migrations } = isPostgres ? await import('../../migrations/postgres') : await import('../../migrations/sqlite')
  return migrations.map((m: { name: string }) => m.name)
}
