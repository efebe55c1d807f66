'use client'
import { Button } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'
import React from 'react'

/** Only the list's filter and search travel to the export; paging and sorting do not limit it. */
function exportQuery(params: URLSearchParams): string {
  const kept = [...params.entries()].filter(([key]) => key === 'search' || key.startsWith('where['))
  return new URLSearchParams(kept).toString()
}

// Above the products and inventory lists: export what the list shows now, or go to the import page.
export function CsvListActions({ kind }: { kind: 'products' | 'stock' }) {
  const params = useSearchParams()
  const query = exportQuery(new URLSearchParams(params.toString()))
  const filtered = query !== ''
  return (
    <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)', justifyContent: 'flex-end', marginBottom: 'calc(var(--base) / 2)' }}>
      <Button buttonStyle="secondary" size="small" margin={false} el="anchor" url={`/api/imports/export/${kind}${query ? `?${query}` : ''}`} newTab={false}>
        {filtered ? 'Export filtered list as CSV' : 'Export all as CSV'}
      </Button>
      <Button buttonStyle="secondary" size="small" margin={false} el="link" to={`/admin/collections/imports?kind=${kind}`}>
        Import CSV…
      </Button>
    </div>
  )
}
