'use client'
import { Button, useConfig } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { postTwoFactor } from './twoFactorApi'

type Setup = { secret: string; otpauthUrl: string; qrSvg: string }

/** Scan (or type) the secret, confirm with a code, then keep the recovery codes: shown once, here. */
export function EnrolTwoFactor({ onFinished, finishLabel }: { onFinished: () => void; finishLabel: string }) {
  const { config } = useConfig()
  const [setup, setSetup] = useState<Setup | null>(null)
  const [code, setCode] = useState('')
  const [codes, setCodes] = useState<string[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    postTwoFactor<Setup>(config.routes.api, 'setup').then(setSetup, (e: Error) => setProblem(e.message))
  }, [config.routes.api])

  // No <form>: on the account page this sits inside Payload's document form, and a nested form would submit that one.
  const confirm = async () => {
    setProblem(null)
    try {
      setCodes((await postTwoFactor<{ recoveryCodes: string[] }>(config.routes.api, 'enable', { code })).recoveryCodes)
    } catch (err) {
      setProblem((err as Error).message)
    }
  }

  if (codes)
    return (
      <div className="two-factor two-factor--codes">
        <p>
          Two-factor authentication is on. Keep these recovery codes somewhere safe: each logs you in once if you lose your phone. They are not shown again.
        </p>
        <ul className="two-factor__recovery-codes">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <Button onClick={onFinished}>{finishLabel}</Button>
      </div>
    )
  return (
    <div className="two-factor two-factor--enrol">
      <p>Scan this code with an authenticator app (or type the key), then enter the six digits it shows.</p>
      {/* The SVG is drawn by our server from the qrcode package: no image is fetched from anywhere. */}
      {setup && <div className="two-factor__qr" style={{ width: 200, background: '#fff' }} dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />}
      {setup && (
        <p>
          Key: <code className="two-factor__secret">{setup.secret}</code>
        </p>
      )}
      <div className="field-type text">
        <label className="field-label" htmlFor="two-factor-code">
          Code from the app
        </label>
        <input
          id="two-factor-code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            e.preventDefault()
            void confirm()
          }}
        />
      </div>
      {problem && (
        <p className="two-factor__problem" role="alert">
          {problem}
        </p>
      )}
      <Button onClick={() => void confirm()} disabled={!setup}>
        Turn on two-factor
      </Button>
    </div>
  )
}
