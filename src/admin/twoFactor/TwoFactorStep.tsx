'use client'
import { Button, useConfig } from '@payloadcms/ui'
import React, { useState } from 'react'

import { EnrolTwoFactor } from './EnrolTwoFactor'
import { postTwoFactor } from './twoFactorApi'

type Props = { purpose: 'verify' | 'enrol'; email: string; redirectTo: string }

// A full page load after the step: the admin then starts with the now-live session.
const go = (to: string) => window.location.assign(to)

export function TwoFactorStep({ purpose, email, redirectTo }: Props) {
  const { config } = useConfig()
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const verify = async (e: React.FormEvent) => {
    e.preventDefault()
    setProblem(null)
    try {
      await postTwoFactor(config.routes.api, 'verify', { code })
      go(redirectTo)
    } catch (err) {
      setProblem((err as Error).message)
    }
  }

  if (purpose === 'enrol')
    return (
      <div className="two-factor-step">
        <h1>Set up two-factor authentication</h1>
        <p>Admins ({email}) must use a second factor here before anything else.</p>
        <EnrolTwoFactor onFinished={() => go(redirectTo)} finishLabel="Continue to the admin" />
      </div>
    )
  return (
    <form className="two-factor-step two-factor--verify" onSubmit={verify}>
      <h1>Two-factor authentication</h1>
      <p>Enter the six-digit code from your authenticator app for {email}, or one of your recovery codes.</p>
      <div className="field-type text">
        <label className="field-label" htmlFor="two-factor-code">
          Code
        </label>
        <input id="two-factor-code" name="code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
      </div>
      {problem && (
        <p className="two-factor__problem" role="alert">
          {problem}
        </p>
      )}
      <Button type="submit">Verify</Button>
    </form>
  )
}
