'use client'
import { Button, FieldLabel, toast, useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

import { refusalMessage } from '../../../src/commerce/refusalMessage'

const DOCUMENTS = [
  { path: 'packing-slip', label: 'Packing slip' },
  { path: 'invoice', label: 'VAT invoice' },
] as const

// The tab opens at the click (so no pop-up blocker stops it) and is shown the print view only once the server has
// agreed to make it; a refusal (an unpaid order, no VAT number in the settings) closes it and says why in a toast.
export function PrintLinks() {
  const { id } = useDocumentInfo()
  if (!id) return null

  const open = async (path: string) => {
    const url = `/api/orders/${id}/${path}`
    const tab = window.open('', '_blank')
    const res = await fetch(url, { credentials: 'include', headers: { accept: 'application/json' } }).catch(() => null)
    if (res?.ok) {
      if (tab) tab.location.href = url
      else window.location.href = url
      return
    }
    tab?.close()
    const body = res ? await res.json().catch(() => null) : null
    toast.error(res ? refusalMessage(body, res.status) : 'Could not reach the server.')
  }

  return (
    <div className="field-type print-links" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label="Print" />
      <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)', flexWrap: 'wrap' }}>
        {DOCUMENTS.map((d) => (
          <Button key={d.path} buttonStyle="secondary" size="small" margin={false} onClick={() => void open(d.path)}>
            {d.label}
          </Button>
        ))}
      </div>
    </div>
  )
}
