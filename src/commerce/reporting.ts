import { invalidField } from './errors'
import type { OrderStatus } from './orderStates'

/**
 * How the shop counts its trade, for the dashboard and anything else that reports it.
 *
 * - A day is a London calendar day (Europe/London: GMT in winter, BST in summer), the day a UK merchant
 *   and their accountant mean; an order at 23:30 UTC in July is placed at 00:30 the next London day.
 * - Revenue is money taken and kept: the `totals.total` (VAT and shipping included) of orders whose
 *   status is paid, fulfilled or delivered, counted on the London day the order was placed. An order
 *   refunded or cancelled later leaves the revenue of the day it was placed; a pending order (manual
 *   payment not yet received) has not earned anything yet, and an expired one never will.
 * - Refunds and cancellations are shown apart, on the London day they happened (the order's status
 *   history): the amount refunded, and how many orders were cancelled.
 * - Windows end with the chosen day (today unless the merchant picks another) and include it:
 *   "last 7 days" is that day and the 6 before it.
 */

export const LONDON = 'Europe/London'

/** A London calendar day as `YYYY-MM-DD`. */
export type LondonDay = string

/** Statuses whose orders count as sales (revenue and order count). */
export const SALE_STATUSES = ['paid', 'fulfilled', 'delivered'] as const satisfies readonly OrderStatus[]

/** Statuses an order leaves the sales through, shown apart on the day they happened. */
export const REVERSAL_STATUSES = ['cancelled', 'refunded'] as const satisfies readonly OrderStatus[]

/** Orders someone has to act on, oldest step first, with what the merchant does next. */
export const WAITING_STATUSES = [
  { status: 'pending', label: 'Awaiting payment', hint: 'mark paid when the money arrives, or cancel' },
  { status: 'paid', label: 'To fulfil', hint: 'pack and ship, then move to fulfilled with tracking' },
  { status: 'fulfilled', label: 'Shipped, not yet delivered', hint: 'move to delivered once it arrives' },
] as const satisfies readonly { status: OrderStatus; label: string; hint: string }[]

export const REPORT_WINDOWS = [
  { key: 'today', days: 1 },
  { key: 'last7', days: 7 },
  { key: 'last30', days: 30 },
] as const
export type ReportWindowKey = (typeof REPORT_WINDOWS)[number]['key']

/** The longest window: how many days the per-day series holds. */
export const SERIES_DAYS = 30

export function countsAsSale(status: OrderStatus): boolean {
  return (SALE_STATUSES as readonly OrderStatus[]).includes(status)
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

function wallClock(instant: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** London's offset from UTC at an instant, in milliseconds (0 in GMT, 3,600,000 in BST). */
export function londonOffsetMs(instant: Date): number {
  const w = wallClock(instant)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The London calendar day an instant falls on. */
export function londonDayOf(instant: Date): LondonDay {
  const w = wallClock(instant)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`
}

export function isLondonDay(value: unknown): value is LondonDay {
  const match = typeof value === 'string' ? DAY_PATTERN.exec(value) : null
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3])
}

/** A day from a query string, or a 400 that says what was wrong. */
export function parseLondonDay(value: unknown, field = 'day'): LondonDay {
  if (!isLondonDay(value)) throw invalidField('invalid_day', field, 'must be a calendar date as YYYY-MM-DD')
  return value
}

/** Calendar arithmetic on days (no time zone involved). */
export function addDays(day: LondonDay, days: number): LondonDay {
  const [y, m, d] = day.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d + days))
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/** The UTC instant a London day begins: 00:00 GMT, or 23:00 UTC the day before in BST. */
export function londonDayStart(day: LondonDay): Date {
  const [y, m, d] = day.split('-').map(Number)
  const midnightUtc = Date.UTC(y, m - 1, d)
  // Clocks change at 01:00 UTC, never at midnight, so one correction always lands on London's midnight.
  const guess = midnightUtc - londonOffsetMs(new Date(midnightUtc))
  return new Date(midnightUtc - londonOffsetMs(new Date(guess)))
}

/** A London day as the half-open UTC range [start, end); 23 or 25 hours long on the days the clocks change. */
export function londonDayRange(day: LondonDay): { start: Date; end: Date } {
  return { start: londonDayStart(day), end: londonDayStart(addDays(day, 1)) }
}

/** The `count` London days ending with `lastDay`, oldest first. */
export function daysEndingWith(lastDay: LondonDay, count: number): LondonDay[] {
  return Array.from({ length: count }, (_, i) => addDays(lastDay, i - count + 1))
}

/** The UTC boundaries of consecutive days: `days.length + 1` instants, day i being [b[i], b[i+1]). */
export function dayBoundaries(days: readonly LondonDay[]): Date[] {
  if (days.length === 0) return []
  return [...days.map(londonDayStart), londonDayStart(addDays(days[days.length - 1], 1))]
}

/** Which of the boundaries' days an instant falls in, or -1 outside them. */
export function bucketOf(boundaries: readonly Date[], instant: Date): number {
  const t = instant.getTime()
  for (let i = 0; i < boundaries.length - 1; i++) {
    if (t >= boundaries[i].getTime() && t < boundaries[i + 1].getTime()) return i
  }
  return -1
}

/** One London day's trade. */
export interface DayFigures {
  day: LondonDay
  /** Orders placed that day that count as sales. */
  orders: number
  /** Their totals, in pence. */
  revenue: number
  /** Orders refunded that day, and how much went back (pence). */
  refunds: number
  refunded: number
  /** Orders cancelled that day. */
  cancellations: number
}

export type WindowFigures = Omit<DayFigures, 'day'> & { from: LondonDay; to: LondonDay; averageOrder: number }

export function emptyDay(day: LondonDay): DayFigures {
  return { day, orders: 0, revenue: 0, refunds: 0, refunded: 0, cancellations: 0 }
}

/** Adds up the last `days` entries of a per-day series (oldest first); the average order is rounded to the penny. */
export function windowFigures(series: readonly DayFigures[], days: number): WindowFigures {
  const slice = series.slice(Math.max(0, series.length - days))
  const sum = (key: Exclude<keyof DayFigures, 'day'>) => slice.reduce((total, d) => total + d[key], 0)
  const orders = sum('orders')
  const revenue = sum('revenue')
  return {
    from: slice[0]?.day ?? '',
    to: slice[slice.length - 1]?.day ?? '',
    orders,
    revenue,
    refunds: sum('refunds'),
    refunded: sum('refunded'),
    cancellations: sum('cancellations'),
    averageOrder: orders === 0 ? 0 : Math.round(revenue / orders),
  }
}

/** Today, last 7 and last 30 days from a 30-day series. */
export function reportWindows(series: readonly DayFigures[]): Record<ReportWindowKey, WindowFigures> {
  return Object.fromEntries(REPORT_WINDOWS.map((w) => [w.key, windowFigures(series, w.days)])) as Record<ReportWindowKey, WindowFigures>
}
