'use client'
import React from 'react'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import { formatGBP } from '../../commerce/money'
import { shortDay } from './format'

type Point = { day: string; revenue: number; orders: number }

const pounds = (pence: number) => `£${Math.round(pence / 100).toLocaleString('en-GB')}`

/** Revenue per London day as bars; colours from Payload's theme variables, so it follows light and dark mode. */
export function RevenueChart({ series }: { series: Point[] }) {
  const data = series.map((p) => ({ ...p, label: shortDay(p.day) }))
  return (
    <div className="ir-dashboard__chart-area" role="img" aria-label={`Revenue per day from ${data[0]?.label} to ${data[data.length - 1]?.label}`}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--theme-elevation-100)" />
          <XAxis dataKey="label" tick={{ fill: 'var(--theme-elevation-500)', fontSize: 11 }} tickLine={false} interval="preserveStartEnd" minTickGap={16} />
          <YAxis tickFormatter={pounds} tick={{ fill: 'var(--theme-elevation-500)', fontSize: 11 }} tickLine={false} axisLine={false} width={56} />
          <Tooltip
            cursor={{ fill: 'var(--theme-elevation-100)' }}
            contentStyle={{ background: 'var(--theme-elevation-0)', border: '1px solid var(--theme-elevation-150)', color: 'var(--theme-text)' }}
            formatter={(value, _name, item) => [`${formatGBP(Number(value))} (${(item.payload as Point).orders} orders)`, 'Revenue']}
          />
          <Bar dataKey="revenue" fill="var(--theme-success-500)" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
