'use client'
import { useConfig } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

// A link to the document the entry is about ("customers 12" or its email); the list's own link opens the entry.
export function AuditTargetCell({ cellData, rowData }: DefaultCellComponentProps) {
  const { config } = useConfig()
  const collection = typeof rowData?.targetCollection === 'string' ? rowData.targetCollection : null
  if (!collection || cellData == null || cellData === '') return <span>—</span>
  const label = typeof rowData?.targetEmail === 'string' && rowData.targetEmail ? rowData.targetEmail : `${collection} ${String(cellData)}`
  const known = collection === 'store-settings' || config.collections.some((c) => c.slug === collection)
  if (!known) return <span>{label}</span>
  const id = encodeURIComponent(String(cellData))
  // Stock rows are named by SKU: the link filters the inventory list to it.
  if (collection === 'inventory' && !/^\d+$/.test(String(cellData)))
    return (
      <a className="audit-target" href={`${config.routes.admin}/collections/inventory?where[sku][equals]=${id}`}>
        {label}
      </a>
    )
  const href = collection === 'store-settings' ? `${config.routes.admin}/globals/store-settings` : `${config.routes.admin}/collections/${collection}/${id}`
  return (
    <a className="audit-target" href={href} onClick={(e) => e.stopPropagation()}>
      {label}
    </a>
  )
}
