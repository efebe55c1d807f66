'use client'
import { Button, useConfig } from '@payloadcms/ui'
import React, { useState } from 'react'

import { resetTwoFactorOf } from './twoFactorApi'

/** On another staff member's record, for admins: turns off their two-factor when they lost their phone. */
export function ResetTwoFactor({ id, onReset }: { id: string | number; onReset: () => void }) {
  const { config } = useConfig()
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const reset = async () => {
    try {
      await resetTwoFactorOf(config.routes.api, id)
      onReset()
    } catch (err) {
      setProblem((err as Error).message)
    }
  }

  if (!confirming)
    return (
      <Button buttonStyle="secondary" onClick={() => setConfirming(true)}>
        Reset two-factor
      </Button>
    )
  return (
    <div className="two-factor-panel__reset">
      <p>
        Their authenticator and recovery codes stop working; they set two-factor up again at their next login (admins must). Do this only once you are sure who
        asked.
      </p>
      {problem && <p role="alert">{problem}</p>}
      <Button onClick={() => void reset()}>Confirm reset</Button>
      <Button buttonStyle="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </div>
  )
}
