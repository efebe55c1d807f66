import type { Payload } from 'payload'

import type { EventBus } from '../commerce/events'
import {
  dayBoundaries,
  daysEndingWith,
  londonDayOf,
  reportWindows,
  SERIES_DAYS,
  type DayFigures,
  type LondonDay,
  type ReportWindowKey,
  type WindowFigures,
} from '../commerce/reporting'
import { readCache, type ReadCache } from './cache'
import {
  dailyFigures,
  inventoryRows,
  recentReversals,
  topSellers,
  waitingOrders,
  type Reversal,
  type StockItem,
  type TopSeller,
  type WaitingFigure,
} from './dashboardQueries'
import { pendingHolds, type PendingHolds } from './dashboardHolds'
import { oncePerProcess } from './processSingleton'
import { findLowStock } from './stock'

export const TOP_SELLERS = 5
export const RECENT_REVERSALS = 8
export const LOW_STOCK_SHOWN = 10
export const HOLDS_SHOWN = 8

/** Everything the merchandiser's dashboard shows, for the windows ending with `day`. */
export interface Dashboard {
  day: LondonDay
  /** When the figures were read from the database (they are cached until an order or stock event). */
  computedAt: string
  series: DayFigures[]
  windows: Record<ReportWindowKey, WindowFigures>
  waiting: WaitingFigure[]
  lowStock: { total: number; items: StockItem[] }
  topSellers: TopSeller[]
  reversals: Reversal[]
  /** Stock held now by unpaid orders (issue 18: nobody may hold the shop's stock unnoticed). */
  holds: PendingHolds
}

/** The figures straight from the database: SQL aggregates over orders, their lines and history, and inventory. */
export async function computeDashboard(payload: Payload, day: LondonDay): Promise<Dashboard> {
  const days = daysEndingWith(day, SERIES_DAYS)
  const boundaries = dayBoundaries(days)
  const [from, to] = [boundaries[0], boundaries[boundaries.length - 1]]
  const [series, waiting, low, sellers, reversals, holds] = await Promise.all([
    dailyFigures(payload, days, boundaries),
    waitingOrders(payload),
    findLowStock(payload),
    topSellers(payload, from, to, TOP_SELLERS),
    recentReversals(payload, to, RECENT_REVERSALS),
    pendingHolds(payload, HOLDS_SHOWN),
  ])
  // Out of stock first, then the fewest left; the full list is the inventory's own.
  const shown = [...low].sort((a, b) => a.available - b.available || (a.sku < b.sku ? -1 : 1)).slice(0, LOW_STOCK_SHOWN)
  const rows = await inventoryRows(
    payload,
    shown.map((s) => s.sku),
  )
  const items = shown.map((s) => ({
    id: rows.get(s.sku)?.id ?? '',
    sku: s.sku,
    title: rows.get(s.sku)?.title ?? s.sku,
    available: s.available,
    threshold: s.threshold,
  }))
  return {
    day,
    computedAt: new Date().toISOString(),
    series,
    windows: reportWindows(series),
    waiting,
    lowStock: { total: low.length, items },
    topSellers: sellers,
    reversals,
    holds,
  }
}

/**
 * The dashboard through the read cache (memory, and Redis when configured, shared by every instance). Its key
 * carries the versions of orders and inventory: order events bump `orders` (subscribeDashboardInvalidation),
 * stock events and inventory edits bump `inventory` (plugins/cacheInvalidation). The day is in the key, so
 * "today" moves on at London midnight by itself.
 */
export async function dashboard(payload: Payload, options: { day?: LondonDay; now?: Date; cache?: ReadCache } = {}): Promise<Dashboard> {
  const day = options.day ?? londonDayOf(options.now ?? new Date())
  const cache = options.cache ?? readCache()
  const key = cache.keyFor('dashboard', day)
  if (key === null) return computeDashboard(payload, day)
  const hit = cache.memory(key)
  const entry =
    hit ??
    (await cache.fill(key, async () => {
      const body = Buffer.from(JSON.stringify(await computeDashboard(payload, day)))
      return { status: 200, headers: {}, body, size: body.length }
    }))
  return entry ? (JSON.parse(entry.body.toString('utf8')) as Dashboard) : computeDashboard(payload, day)
}

/** Order events make the cached figures stale: placing an order or moving it bumps the `orders` version. */
export function subscribeDashboardInvalidation(bus: EventBus, bump: (versions: readonly string[]) => Promise<void>): () => void {
  const stale = () => bump(['orders'])
  const off = [bus.subscribe('order.placed', stale), bus.subscribe('order.transitioned', stale)]
  return () => off.forEach((unsubscribe) => unsubscribe())
}

/** Once per process (Next's bundle and the server load this module apart; the bus is one per process). */
export function installDashboardInvalidation(bus: EventBus, bump: (versions: readonly string[]) => Promise<void>): void {
  oncePerProcess('dashboard.invalidation', () => void subscribeDashboardInvalidation(bus, bump))
}
