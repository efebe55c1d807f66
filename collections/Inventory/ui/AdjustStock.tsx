'use client'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

// Calls POST /api/inventory/adjust so a concurrent sale is never overwritten.
export function AdjustStock() {
  const { id } = useDocumentInfo()
  const sku = useFormFields(([fields]) => fields.sku?.value as string | undefined)
  const available = useFormFields(([fields]) => fields.available?.value as number | undefined)
  const [mode, setMode] = useState<'delta' | 'setTo'>('delta')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  if (!id || !sku) return null

  const submit = async () => {
    setMessage(null)
    const res = await fetch('/api/inventory/adjust', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sku, [mode]: Number(amount), reason }),
    })
    const body = await res.json().catch(() => ({}))
    if (res.ok) {
      setMessage(`Stock is now ${body.available}.`)
      window.location.reload()
    } else {
      setMessage(body.errors?.[0]?.message ?? body.message ?? `Refused (${res.status})`)
    }
  }

  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <label className="field-label">Adjust stock (now {available ?? '…'})</label>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <select value={mode} onChange={(e) => setMode(e.target.value as 'delta' | 'setTo')}>
          <option value="delta">Change by (±)</option>
          <option value="setTo">Set to</option>
        </select>
        <input type="number" step={1} value={amount} onChange={(e) => setAmount(e.target.value)} aria-label="Amount" />
        <input placeholder="Reason (required)" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Reason" />
        <button type="button" className="btn btn--style-primary btn--size-small" onClick={submit} disabled={!amount || !reason}>
          Apply
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </div>
  )
}
