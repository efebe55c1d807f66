'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Row = { id: number; sku: string; available: number; lowStockThreshold?: number; variantTitle?: string }

// Read-only stock per SKU; stock changes only through the inventory adjustment form.
export function StockSummary() {
  const { id } = useDocumentInfo()
  const [rows, setRows] = useState<Row[] | null>(null)
  useEffect(() => {
    if (!id) return
    fetch(`/api/inventory?where[product][equals]=${id}&limit=100&depth=0`, { credentials: 'include' })
      .then((r) => r.json())
      .then((body) => setRows(body.docs ?? []))
      .catch(() => setRows([]))
  }, [id])
  if (!id) return <p className="field-description">Stock rows are created (at 0) when the product is first saved.</p>
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <label className="field-label">Stock (read-only)</label>
      {rows === null ? (
        <p>Loading…</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th align="left">SKU</th>
              <th align="left">Variant</th>
              <th align="right">Available</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.sku}</td>
                <td>{r.variantTitle ?? '—'}</td>
                <td align="right">{r.available}</td>
                <td>
                  <a href={`/admin/collections/inventory/${r.id}`}>Adjust</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
