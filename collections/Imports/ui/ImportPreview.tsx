'use client'
import { Pill } from '@payloadcms/ui'
import React from 'react'

export type RowError = { row: number; column: string; message: string }
export type Preview = {
  id: number | string
  kind: 'products' | 'stock'
  fileName: string
  status: string
  encoding: string
  rows: number
  errorCount: number
  errors: RowError[]
  summary: { create: number; update: number; unchanged: number; stockChanges: number; unitsAdded: number; unitsRemoved: number; thresholdChanges: number }
  products: { row: number; slug: string; title: string; action: 'create' | 'update'; changed: string[] }[]
  stock: { row: number; sku: string; from: number; to: number }[]
}

const cell: React.CSSProperties = { padding: '0.35rem 0.75rem', textAlign: 'left', borderBottom: '1px solid var(--theme-elevation-100)' }

function SimpleTable({ caption, head, rows, testId }: { caption: string; head: string[]; rows: React.ReactNode[][]; testId: string }) {
  if (rows.length === 0) return null
  return (
    <div className="table" style={{ marginTop: 'var(--base)', overflowX: 'auto' }}>
      <table data-testid={testId} style={{ width: '100%', borderCollapse: 'collapse' }}>
        <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: '0.5rem' }}>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} style={cell}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The preview of a file: its counts, then every problem by row and column, then what it would change. */
export function ImportPreview({ preview }: { preview: Preview }) {
  const s = preview.summary
  const pills: [string, number][] = [
    ['new products', s.create],
    ['products changed', s.update],
    ['unchanged', s.unchanged],
    ['stock changes', s.stockChanges],
    ['threshold changes', s.thresholdChanges],
  ]
  return (
    <div data-testid="import-preview" style={{ marginTop: 'var(--base)' }}>
      <p>
        <strong>{preview.fileName}</strong>: {preview.rows} rows, read as {preview.encoding}.
      </p>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        {pills.map(([label, n]) => (
          <Pill key={label} pillStyle={n > 0 ? 'light' : 'light-gray'} size="small">
            {n} {label}
          </Pill>
        ))}
        {preview.errorCount > 0 && (
          <Pill pillStyle="error" size="small">
            {preview.errorCount} problems
          </Pill>
        )}
      </div>
      <SimpleTable
        testId="import-errors"
        caption={`Problems to fix before importing (${preview.errorCount}; nothing has been written)`}
        head={['Row', 'Column', 'Problem']}
        rows={preview.errors.map((e) => [`Row ${e.row}`, e.column, e.message])}
      />
      <SimpleTable
        testId="import-products"
        caption="Products"
        head={['Row', 'Product', 'Action', 'Changes']}
        rows={preview.products.map((p) => [
          `Row ${p.row}`,
          `${p.title} (${p.slug})`,
          p.action === 'create' ? 'Create' : 'Update',
          p.action === 'create' ? 'new product' : p.changed.join(', '),
        ])}
      />
      <SimpleTable
        testId="import-stock"
        caption="Stock (through the ledger)"
        head={['Row', 'SKU', 'Available now', 'After import']}
        rows={preview.stock.map((c) => [`Row ${c.row}`, c.sku, c.from, c.to])}
      />
    </div>
  )
}
