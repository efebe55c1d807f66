'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import type { AuthState } from '@/lib/session/authActions'
import { forgotPasswordAction, logInAction, registerAction, resetPasswordAction, verifyEmailAction } from '@/lib/session/authActions'
import { Field } from '../Field'
import { SubmitButton } from '../SubmitButton'

const initial: AuthState = { error: null, notice: null, fieldErrors: {}, email: '' }

function Messages({ state }: { state: AuthState }) {
  return (
    <>
      {state.error ? (
        <p className="notice error" role="alert" data-testid="auth-error">
          {state.error}
        </p>
      ) : null}
      {state.notice ? (
        <p className="notice ok" role="status" data-testid="auth-notice">
          {state.notice}
        </p>
      ) : null}
    </>
  )
}

export function LoginForm({ next }: { next: string }) {
  const [state, action] = useActionState(logInAction, initial)
  return (
    <form action={action} className="stack" data-testid="login-form">
      <Messages state={state} />
      <input type="hidden" name="next" value={next} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.email} testId="login-email" />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required testId="login-password" />
      <SubmitButton className="wide" testId="login-submit" pendingText="Logging in…">
        Log in
      </SubmitButton>
      <p>
        <Link href="/account/forgot-password">Forgotten your password?</Link> ·{' '}
        <Link href={`/account/register?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </form>
  )
}

export function RegisterForm({ next }: { next: string }) {
  const [state, action] = useActionState(registerAction, initial)
  const errors = state.fieldErrors
  return (
    <form action={action} className="stack" data-testid="register-form">
      <Messages state={state} />
      <input type="hidden" name="next" value={next} />
      <Field label="Name" name="name" autoComplete="name" testId="register-name" />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.email} error={errors.email} testId="register-email" />
      <Field
        label="Password (at least 8 characters)"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.password}
        testId="register-password"
      />
      <Field label="Repeat password" name="confirm" type="password" autoComplete="new-password" required error={errors.confirm} testId="register-confirm" />
      <SubmitButton className="wide" testId="register-submit" pendingText="Creating your account…">
        Create account
      </SubmitButton>
      <p>
        Already have an account? <Link href={`/account/login?next=${encodeURIComponent(next)}`}>Log in</Link>
      </p>
    </form>
  )
}

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, initial)
  return (
    <form action={action} className="stack">
      <Messages state={state} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.email} error={state.fieldErrors.email} />
      <SubmitButton className="wide" pendingText="Sending…">
        Email me a reset link
      </SubmitButton>
    </form>
  )
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, initial)
  return (
    <form action={action} className="stack">
      <Messages state={state} />
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password (at least 8 characters)"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={state.fieldErrors.password}
      />
      <Field label="Repeat new password" name="confirm" type="password" autoComplete="new-password" required error={state.fieldErrors.confirm} />
      <SubmitButton className="wide" pendingText="Saving…">
        Save password and log in
      </SubmitButton>
    </form>
  )
}

export function VerifyEmailForm({ token }: { token: string }) {
  const [state, action] = useActionState(verifyEmailAction, initial)
  return (
    <form action={action} className="stack">
      <Messages state={state} />
      <input type="hidden" name="token" value={token} />
      {state.notice ? <Link href="/account/login">Log in</Link> : <SubmitButton pendingText="Confirming…">Confirm my email address</SubmitButton>}
    </form>
  )
}
