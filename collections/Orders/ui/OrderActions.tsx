'use client'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

import { allowedMoves, canRestock, isOrderStatus } from '../../../src/commerce/orderStates'

export function OrderActions() {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const [note, setNote] = useState('')
  const [restock, setRestock] = useState(false)
  const [carrier, setCarrier] = useState('')
  const [trackingNumber, setTrackingNumber] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  if (!id || !status) return null
  // The buttons read the table the transition workflow enforces; the server still decides.
  const from = isOrderStatus(status) ? status : null
  const moves = from ? allowedMoves(from) : []

  const move = async (to: string) => {
    setMessage(null)
    const res = await fetch(`/api/orders/${id}/transition`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to, note: note || undefined, restock, carrier: carrier || undefined, trackingNumber: trackingNumber || undefined }),
    })
    const body = await res.json().catch(() => ({}))
    if (res.ok) window.location.reload()
    // Our endpoints answer { error: { message } }; Payload's own errors { errors: [{ message }] }.
    else setMessage(body.error?.message ?? body.errors?.[0]?.message ?? `Refused (${res.status})`)
  }

  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <label className="field-label">Move order ({status})</label>
      {moves.length === 0 && <p>No further moves: this order is {status}.</p>}
      {moves.length > 0 && (
        <div style={{ display: 'grid', gap: 8 }}>
          <input placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} aria-label="Note" />
          {moves.includes('fulfilled') && (
            <>
              <input placeholder="Carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} aria-label="Carrier" />
              <input placeholder="Tracking number" value={trackingNumber} onChange={(e) => setTrackingNumber(e.target.value)} aria-label="Tracking number" />
            </>
          )}
          {from && moves.some((to) => canRestock(from, to)) && (
            <label>
              <input type="checkbox" checked={restock} onChange={(e) => setRestock(e.target.checked)} /> Return stock on cancel/refund
            </label>
          )}
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {moves.map((to) => (
              <button key={to} type="button" className="btn btn--style-secondary btn--size-small" onClick={() => move(to)}>
                Mark {to}
              </button>
            ))}
          </div>
        </div>
      )}
      {message && <p role="alert">{message}</p>}
    </div>
  )
}
