'use client'
import { Button, CheckboxInput, FieldLabel, TextInput, toast, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { allowedMoves, canRestock, isOrderStatus, type OrderStatus } from '../../../src/commerce/orderStates'
import { refusalMessage } from '../../../src/commerce/refusalMessage'

type Change = React.ChangeEvent<HTMLInputElement>

export function OrderActions() {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const [note, setNote] = useState('')
  const [restock, setRestock] = useState(false)
  const [carrier, setCarrier] = useState('')
  const [trackingNumber, setTrackingNumber] = useState('')
  const [busy, setBusy] = useState(false)
  if (!id || !status) return null
  // The buttons read the table the transition workflow enforces; the server still decides.
  const from = isOrderStatus(status) ? status : null
  const moves = from ? allowedMoves(from) : []

  const move = async (to: OrderStatus) => {
    setBusy(true)
    try {
      const res = await fetch(`/api/orders/${id}/transition`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to, note: note || undefined, restock, carrier: carrier || undefined, trackingNumber: trackingNumber || undefined }),
      })
      const body = await res.json().catch(() => null)
      if (!res.ok) return void toast.error(refusalMessage(body, res.status))
      toast.success(`Order ${body.orderNumber} is now ${body.to}.`)
      setNote('')
      setRestock(false)
      router.refresh()
    } catch {
      toast.error('Could not reach the server; the order is unchanged.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type order-actions" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label={`Move order (${status})`} />
      {moves.length === 0 && <p>No further moves: this order is {status}.</p>}
      {moves.length > 0 && (
        <div style={{ display: 'grid', gap: 'calc(var(--base) / 2)' }}>
          <TextInput path="moveNote" label="Note (optional)" value={note} onChange={(e: Change) => setNote(e.target.value)} />
          {moves.includes('fulfilled') && (
            <>
              <TextInput
                path="moveCarrier"
                label="Carrier"
                placeholder="e.g. Royal Mail"
                value={carrier}
                onChange={(e: Change) => setCarrier(e.target.value)}
              />
              <TextInput path="moveTrackingNumber" label="Tracking number" value={trackingNumber} onChange={(e: Change) => setTrackingNumber(e.target.value)} />
            </>
          )}
          {from && moves.some((to) => canRestock(from, to)) && (
            <CheckboxInput id="moveRestock" label="Return stock on cancel/refund" checked={restock} onToggle={(e) => setRestock(e.target.checked)} />
          )}
          <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)', flexWrap: 'wrap' }}>
            {moves.map((to) => (
              <Button key={to} id={`move-to-${to}`} buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={() => void move(to)}>
                Mark {to}
              </Button>
            ))}
          </div>
        </div>
      )}
    </div>
  )
}
