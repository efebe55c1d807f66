'use client'
import { Button, toast, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { refusalMessage } from '../../../src/commerce/refusalMessage'

// Sends the same event again as a new delivery; the new one appears in the list with its own attempts.
export function RedeliverButton() {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  if (!id) return null

  const send = async () => {
    setBusy(true)
    try {
      const res = await fetch(`/api/webhook-deliveries/${id}/redeliver`, { method: 'POST', credentials: 'include' })
      const body = await res.json().catch(() => null)
      if (!res.ok) return void toast.error(refusalMessage(body, res.status))
      toast.success(`Queued again as delivery ${body.id}.`)
      router.push(`/admin/collections/webhook-deliveries/${body.id}`)
    } catch {
      toast.error('Could not reach the server; nothing was queued.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={send}>
        Redeliver
      </Button>
    </div>
  )
}
