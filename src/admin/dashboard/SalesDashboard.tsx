import type { ServerProps } from 'payload'
import React from 'react'

import { isStaffUser } from '../../access/roles'
import { formatGBP } from '../../commerce/money'
import { isLondonDay, londonDayOf, REPORT_WINDOWS, type ReportWindowKey } from '../../commerce/reporting'
import { dashboard } from '../../infra/dashboard'
import { DayPicker } from './DayPicker'
import { longDay } from './format'
import { Holds } from './Holds'
import { Lists } from './Lists'
import { RevenueChart } from './RevenueChart'
import './dashboard.css'

const WINDOW_TITLES: Record<ReportWindowKey, (today: boolean) => string> = {
  today: (today) => (today ? 'Today' : 'That day'),
  last7: () => 'Last 7 days',
  last30: () => 'Last 30 days',
}

/** The merchandiser's dashboard, above Payload's collection cards: sales, orders waiting, low stock, top sellers. */
export async function SalesDashboard({ payload, user, searchParams }: ServerProps) {
  if (!isStaffUser(user as never)) return null
  const asked = typeof searchParams?.day === 'string' ? searchParams.day : undefined
  const today = londonDayOf(new Date())
  const badDay = asked !== undefined && !isLondonDay(asked)
  const day = asked && !badDay ? asked : today
  const figures = await dashboard(payload, { day })
  const admin = payload.config.routes.admin
  const isToday = day === today

  return (
    <section className="ir-dashboard" aria-labelledby="ir-dashboard-title" data-day={day}>
      <header className="ir-dashboard__head">
        <div>
          <h2 id="ir-dashboard-title">Sales</h2>
          <p className="ir-dashboard__muted">
            {isToday ? 'Today, ' : 'Up to '}
            {longDay(day)} (London time). Revenue is paid orders kept, by the day they were placed; refunds and cancellations on the day they happened.
          </p>
          {badDay && (
            <p className="ir-dashboard__error" role="alert">
              “{asked}” is not a date as YYYY-MM-DD: showing today.
            </p>
          )}
        </div>
        <DayPicker admin={admin} day={day} today={today} />
      </header>

      <div className="ir-dashboard__figures">
        {REPORT_WINDOWS.map(({ key }) => {
          const w = figures.windows[key]
          return (
            <div key={key} className="card ir-dashboard__figure" data-testid={`dash-${key}`}>
              <h3>{WINDOW_TITLES[key](isToday)}</h3>
              <p className="ir-dashboard__big" data-testid={`dash-${key}-revenue`}>
                {formatGBP(w.revenue)}
              </p>
              <p>
                <span data-testid={`dash-${key}-orders`}>{w.orders}</span> {w.orders === 1 ? 'order' : 'orders'}
                {w.orders > 0 && <> · average {formatGBP(w.averageOrder)}</>}
              </p>
              <p className="ir-dashboard__muted">
                Refunded <span data-testid={`dash-${key}-refunded`}>{formatGBP(w.refunded)}</span> ({w.refunds}) ·{' '}
                <span data-testid={`dash-${key}-cancellations`}>{w.cancellations}</span> cancelled
              </p>
            </div>
          )
        })}
      </div>

      <div className="card ir-dashboard__chart">
        <h3>Revenue per day, last 30 days</h3>
        <RevenueChart series={figures.series.map((d) => ({ day: d.day, revenue: d.revenue, orders: d.orders }))} />
      </div>

      <Lists admin={admin} figures={figures} />
      <Holds admin={admin} holds={figures.holds} />
      <p className="ir-dashboard__muted ir-dashboard__foot">
        Figures as of {new Date(figures.computedAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' })}; a new order, an order moved or a stock change
        refreshes them.
      </p>
    </section>
  )
}
