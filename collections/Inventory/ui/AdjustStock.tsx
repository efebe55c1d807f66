'use client'
import { Button, FieldLabel, SelectInput, TextInput, toast, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { refusalMessage } from '../../../src/commerce/refusalMessage'

type Mode = 'delta' | 'setTo'
const MODES = [
  { label: 'Change by (±)', value: 'delta' },
  { label: 'Set to', value: 'setTo' },
]

// Calls POST /api/inventory/adjust so a concurrent sale is never overwritten; the server's answer is the toast.
export function AdjustStock() {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const sku = useFormFields(([fields]) => fields.sku?.value as string | undefined)
  const available = useFormFields(([fields]) => fields.available?.value as number | undefined)
  const [mode, setMode] = useState<Mode>('delta')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  if (!id || !sku) return null

  const submit = async () => {
    setBusy(true)
    try {
      const res = await fetch('/api/inventory/adjust', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sku, [mode]: Number(amount), reason }),
      })
      const body = await res.json().catch(() => null)
      if (!res.ok) return void toast.error(refusalMessage(body, res.status))
      toast.success(`Stock of ${sku} is now ${body.available}.`)
      setAmount('')
      setReason('')
      router.refresh()
    } catch {
      toast.error('Could not reach the server; the stock is unchanged.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type adjust-stock" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label={`Adjust stock (now ${available ?? '…'})`} />
      <div
        style={{ display: 'grid', gridTemplateColumns: 'minmax(10rem, 14rem) minmax(6rem, 10rem) 1fr auto', gap: 'calc(var(--base) / 2)', alignItems: 'end' }}
      >
        <SelectInput
          name="adjustMode"
          path="adjustMode"
          label="How"
          options={MODES}
          value={mode}
          isClearable={false}
          onChange={(option) => setMode(((option as { value?: Mode } | null)?.value ?? 'delta') as Mode)}
        />
        <TextInput path="adjustAmount" label="Amount" value={amount} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAmount(e.target.value)} />
        <TextInput
          path="adjustReason"
          label="Reason"
          placeholder="Why (required), e.g. delivery from supplier"
          value={reason}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setReason(e.target.value)}
        />
        <Button buttonStyle="primary" size="medium" margin={false} onClick={submit} disabled={busy || amount.trim() === '' || reason.trim() === ''}>
          Apply
        </Button>
      </div>
    </div>
  )
}
