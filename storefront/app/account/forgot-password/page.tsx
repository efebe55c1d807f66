import type { Metadata } from 'next'
import { ForgotPasswordForm } from '@/components/account/AuthForms'

export const metadata: Metadata = { title: 'Reset your password', robots: { index: false } }
// Rendered per request so its header has the categories (the build never calls the CMS).
export const dynamic = 'force-dynamic'

export default function ForgotPasswordPage() {
  return (
    <div className="wrap page narrow">
      <h1>Reset your password</h1>
      <p className="muted">We will email you a link to choose a new one.</p>
      <ForgotPasswordForm />
    </div>
  )
}
