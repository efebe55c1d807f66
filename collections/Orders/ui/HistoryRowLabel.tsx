'use client'
import { useRowLabel } from '@payloadcms/ui'
import React from 'react'

type Entry = { from?: string | null; to?: string; at?: string; byName?: string | null; by?: string | null }

const when = (at?: string) => (at ? new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }) : '')

/** "paid → fulfilled · 2 Dec 2026, 21:30 · Administrator" */
export function HistoryRowLabel() {
  const { data } = useRowLabel<Entry>()
  const move = data?.from ? `${data.from} → ${data.to}` : String(data?.to ?? '')
  const who = data?.byName || (data?.by ? `staff #${data.by}` : 'the shop')
  return <span className="history-row-label">{[move, when(data?.at), who].filter(Boolean).join(' · ')}</span>
}
