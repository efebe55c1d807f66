import { describe, expect, it } from '@jest/globals'

import { allowedMoves, ORDER_STATUSES } from './orderStates'
import {
  addDays,
  bucketOf,
  countsAsSale,
  dayBoundaries,
  daysEndingWith,
  emptyDay,
  isLondonDay,
  londonDayOf,
  londonDayRange,
  londonDayStart,
  parseLondonDay,
  reportWindows,
  REVERSAL_STATUSES,
  SALE_STATUSES,
  WAITING_STATUSES,
  windowFigures,
  type DayFigures,
} from './reporting'

const at = (iso: string) => new Date(iso)

describe('londonDayOf', () => {
  it('should put 23:30 UTC during British Summer Time on the next London day', () => {
    expect(londonDayOf(at('2026-07-14T23:30:00Z'))).toBe('2026-07-15')
  })

  it('should put 22:59 UTC during British Summer Time on the same London day', () => {
    expect(londonDayOf(at('2026-07-14T22:59:59Z'))).toBe('2026-07-14')
  })

  it('should put 23:30 UTC in winter on the same London day', () => {
    expect(londonDayOf(at('2026-12-01T23:30:00Z'))).toBe('2026-12-01')
  })

  it('should put 00:30 UTC on the night the clocks go back on the new day', () => {
    expect(londonDayOf(at('2026-10-25T00:30:00Z'))).toBe('2026-10-25')
  })
})

describe('londonDayStart', () => {
  it('should start a summer day at 23:00 UTC the day before', () => {
    expect(londonDayStart('2026-07-15').toISOString()).toBe('2026-07-14T23:00:00.000Z')
  })

  it('should start a winter day at midnight UTC', () => {
    expect(londonDayStart('2026-12-02').toISOString()).toBe('2026-12-02T00:00:00.000Z')
  })

  it('should start the day the clocks go forward at midnight UTC', () => {
    expect(londonDayStart('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z')
  })

  it('should start the day the clocks go back at 23:00 UTC the day before', () => {
    expect(londonDayStart('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z')
  })
})

describe('londonDayRange', () => {
  it('should make the day the clocks go forward 23 hours long', () => {
    const { start, end } = londonDayRange('2026-03-29')
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23)
  })

  it('should make the day the clocks go back 25 hours long', () => {
    const { start, end } = londonDayRange('2026-10-25')
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(25)
  })
})

describe('days', () => {
  it('should add days across a month and a year end', () => {
    expect([addDays('2026-02-28', 1), addDays('2026-12-31', 1), addDays('2026-03-01', -1)]).toEqual(['2026-03-01', '2027-01-01', '2026-02-28'])
  })

  it('should list the days ending with a day, oldest first', () => {
    expect(daysEndingWith('2026-07-02', 3)).toEqual(['2026-06-30', '2026-07-01', '2026-07-02'])
  })

  it('should give one more boundary than days, each day ending where the next begins', () => {
    expect(dayBoundaries(['2026-10-24', '2026-10-25']).map((d) => d.toISOString())).toEqual([
      '2026-10-23T23:00:00.000Z',
      '2026-10-24T23:00:00.000Z',
      '2026-10-26T00:00:00.000Z',
    ])
  })

  it('should give no boundaries for no days', () => {
    expect(dayBoundaries([])).toEqual([])
  })

  it('should bucket an instant by the day it falls in, and -1 outside', () => {
    const b = dayBoundaries(['2026-07-14', '2026-07-15'])
    expect([bucketOf(b, at('2026-07-14T23:30:00Z')), bucketOf(b, at('2026-07-14T22:30:00Z')), bucketOf(b, at('2026-07-15T23:00:00Z'))]).toEqual([1, 0, -1])
  })
})

describe('parseLondonDay', () => {
  it('should accept a real calendar date', () => {
    expect(parseLondonDay('2024-02-29')).toBe('2024-02-29')
  })

  it.each(['2026-02-30', '2026-7-1', '15/07/2026', '', 20260715])('should refuse %p with 400 invalid_day', (value) => {
    expect(() => parseLondonDay(value)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_day' }))
  })

  it('should say what a day is', () => {
    expect(isLondonDay('2026-13-01')).toBe(false)
  })
})

describe('statuses', () => {
  it('should count paid, fulfilled and delivered orders as sales and nothing else', () => {
    expect(ORDER_STATUSES.filter(countsAsSale)).toEqual(['paid', 'fulfilled', 'delivered'])
  })

  it('should keep sales and reversals apart', () => {
    expect(SALE_STATUSES.filter((s) => (REVERSAL_STATUSES as readonly string[]).includes(s))).toEqual([])
  })

  it('should only call an order waiting when the order process still lets it move', () => {
    expect(WAITING_STATUSES.every((w) => allowedMoves(w.status).length > 0)).toBe(true)
  })
})

describe('windows', () => {
  const series: DayFigures[] = Array.from({ length: 30 }, (_, i) => ({
    ...emptyDay(addDays('2026-06-16', i)),
    orders: 1,
    revenue: 1000 + i,
    refunds: i === 29 ? 1 : 0,
    refunded: i === 29 ? 500 : 0,
    cancellations: i === 0 ? 2 : 0,
  }))

  it('should make today the last day of the series', () => {
    expect(reportWindows(series).today).toEqual({
      from: '2026-07-15',
      to: '2026-07-15',
      orders: 1,
      revenue: 1029,
      refunds: 1,
      refunded: 500,
      cancellations: 0,
      averageOrder: 1029,
    })
  })

  it('should add up the last seven days', () => {
    expect(reportWindows(series).last7).toMatchObject({ from: '2026-07-09', orders: 7, revenue: 7000 + 23 + 24 + 25 + 26 + 27 + 28 + 29 })
  })

  it('should add up all thirty days', () => {
    expect(reportWindows(series).last30).toMatchObject({ from: '2026-06-16', orders: 30, revenue: 30_000 + 435, cancellations: 2, averageOrder: 1015 })
  })

  it('should answer an average of 0 for a window without orders', () => {
    expect(windowFigures([emptyDay('2026-07-15')], 1).averageOrder).toBe(0)
  })
})
