'use client'
import { useRowLabel } from '@payloadcms/ui'
import React from 'react'

/** "Jumper × 2 (JUMPER-M)" */
export function LineRowLabel() {
  const { data } = useRowLabel<{ title?: string; quantity?: number; sku?: string }>()
  return <span className="line-row-label">{`${data?.title ?? 'Line'} × ${data?.quantity ?? 0} (${data?.sku ?? ''})`}</span>
}
