'use client'

import type { ReactNode } from 'react'
import { useFormStatus } from 'react-dom'

/** Disabled while its form is submitting, so a double click sends one request. */
export function SubmitButton({
  children,
  pendingText,
  className,
  testId,
  disabled,
}: {
  children: ReactNode
  pendingText?: string
  className?: string
  testId?: string
  disabled?: boolean
}) {
  const { pending } = useFormStatus()
  return (
    <button type="submit" className={className} data-testid={testId} disabled={pending || disabled} aria-disabled={pending || disabled}>
      {pending && pendingText ? pendingText : children}
    </button>
  )
}
