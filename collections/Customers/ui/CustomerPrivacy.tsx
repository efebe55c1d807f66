'use client'
import { Button, FieldLabel, toast, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { refusalMessage } from '../../../src/commerce/refusalMessage'

// An admin downloads a customer's data or erases the account (POST /api/customers/:id/erase); both are refused to other
// staff by the server, and both are audited there. Erasing asks for the customer's email, as the storefront does.
export function CustomerPrivacy() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const email = useFormFields(([fields]) => fields.email?.value as string | undefined)
  const router = useRouter()
  const [confirm, setConfirm] = useState('')
  const isAdmin = ((user as { roles?: string[] } | null)?.roles ?? []).includes('admin')
  if (!id || !isAdmin) return null

  const erase = async () => {
    const res = await fetch(`/api/customers/${id}/erase`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ confirmEmail: confirm }),
    }).catch(() => null)
    const body = res ? await res.json().catch(() => null) : null
    if (!res?.ok) return void toast.error(res ? refusalMessage(body, res.status) : 'Could not reach the server.')
    toast.success(`Customer erased; ${body?.ordersKept ?? 0} orders kept without personal data.`)
    router.push('/admin/collections/customers')
  }

  return (
    <div className="field-type customer-privacy" style={{ marginBottom: 'var(--base)' }} data-testid="customer-privacy">
      <FieldLabel label="Personal data" />
      <p style={{ margin: '0 0 calc(var(--base) / 2)' }}>
        <a href={`/api/customers/${id}/data`} download data-testid="customer-data-download">
          Download this customer’s data (JSON)
        </a>
      </p>
      <label htmlFor="erase-confirm" style={{ display: 'block' }}>
        To erase the account, type its email ({email})
      </label>
      <input id="erase-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} type="email" autoComplete="off" style={{ width: '100%' }} />
      <Button buttonStyle="error" size="small" onClick={() => void erase()} disabled={!confirm} data-testid="customer-erase">
        Erase customer (keeps orders)
      </Button>
    </div>
  )
}
