'use client'
import { Pill } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { isOrderStatus, type OrderStatus } from '../../../src/commerce/orderStates'

type PillStyle = 'success' | 'warning' | 'error' | 'light' | 'light-gray' | 'dark'

// Amber asks for action (to pay, to ship), green is done, grey ended without a sale, red gave money back.
const STYLE: Record<OrderStatus, PillStyle> = {
  pending: 'warning',
  paid: 'warning',
  fulfilled: 'light',
  delivered: 'success',
  cancelled: 'light-gray',
  expired: 'light-gray',
  refunded: 'error',
}

export function OrderStatusCell({ cellData }: DefaultCellComponentProps) {
  if (!isOrderStatus(cellData)) return <span>—</span>
  return (
    <Pill pillStyle={STYLE[cellData]} size="small" className={`order-status order-status--${cellData}`}>
      {cellData}
    </Pill>
  )
}
