'use client'
import { Pill } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { STOCK_STATUS_LABELS, STOCK_STATUSES, type StockStatus } from '../../../src/commerce/stockStatus'

const STYLE: Record<StockStatus, 'success' | 'warning' | 'error'> = { ok: 'success', low: 'warning', out: 'error' }

/** The inventory list's badge: green in stock, amber low, red out. */
export function StockStatusCell({ cellData }: DefaultCellComponentProps) {
  const status = (STOCK_STATUSES as readonly unknown[]).includes(cellData) ? (cellData as StockStatus) : null
  if (!status) return <span>—</span>
  return (
    <Pill pillStyle={STYLE[status]} size="small" className={`stock-status stock-status--${status}`}>
      {STOCK_STATUS_LABELS[status]}
    </Pill>
  )
}
