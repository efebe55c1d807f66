'use client'
import { Button, FieldLabel, useAuth, useConfig, useDocumentInfo, useField } from '@payloadcms/ui'
import React, { useState } from 'react'

import { isAdminUser } from '../../access/roles'
import { EnrolTwoFactor } from './EnrolTwoFactor'
import { ResetTwoFactor } from './ResetTwoFactor'
import { postTwoFactor } from './twoFactorApi'

/**
 * On a staff account (and the account page): its two-factor state; its owner turns it on or off here, and an admin
 * resets it on someone else's record (a lost phone).
 */
export function TwoFactorPanel() {
  const { config } = useConfig()
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  const { value: enabled } = useField<boolean>({ path: 'twoFactorEnabled' })
  const [mode, setMode] = useState<'idle' | 'enrol' | 'disable'>('idle')
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const mine = id != null && user != null && String(user.id) === String(id)
  const isAdmin = isAdminUser(user as never)

  // Buttons, not a <form>: this panel sits inside Payload's document form.
  const turnOff = async () => {
    try {
      await postTwoFactor(config.routes.api, 'disable', { code })
      window.location.reload()
    } catch (err) {
      setProblem((err as Error).message)
    }
  }

  return (
    <div className="field-type two-factor-panel" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label="Two-factor authentication" />
      <p className="two-factor-panel__state">{enabled ? 'On' : 'Off'}</p>
      {mine && !enabled && mode === 'idle' && <Button onClick={() => setMode('enrol')}>Set up two-factor authentication</Button>}
      {mine && !enabled && mode === 'enrol' && <EnrolTwoFactor onFinished={() => window.location.reload()} finishLabel="Done" />}
      {mine && enabled && mode === 'idle' && (
        <Button buttonStyle="secondary" onClick={() => setMode('disable')}>
          Turn off two-factor
        </Button>
      )}
      {!mine && id != null && enabled && isAdmin && <ResetTwoFactor id={id} onReset={() => window.location.reload()} />}
      {mine && enabled && mode === 'disable' && (
        <div>
          <label className="field-label" htmlFor="two-factor-off-code">
            Code from the app (or a recovery code)
          </label>
          <input id="two-factor-off-code" value={code} onChange={(e) => setCode(e.target.value)} />
          {problem && <p role="alert">{problem}</p>}
          <Button onClick={() => void turnOff()} buttonStyle="secondary">
            Turn off
          </Button>
        </div>
      )}
    </div>
  )
}
