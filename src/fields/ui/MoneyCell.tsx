'use client'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { formatGBP } from '../../commerce/money'

/** A money column in a list: whole pence shown as "£12.50"; nothing stored shows as a dash. */
export function MoneyCell({ cellData }: DefaultCellComponentProps) {
  return <span className="money-cell">{typeof cellData === 'number' && Number.isSafeInteger(cellData) ? formatGBP(cellData) : '—'}</span>
}
