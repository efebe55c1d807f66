import type { Metadata } from 'next'
import Link from 'next/link'
import { ResetPasswordForm } from '@/components/account/AuthForms'

// The reset token is in the URL: keep it out of Referer headers.
export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false }, referrer: 'no-referrer' }

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams
  return (
    <div className="wrap page narrow">
      <h1>Choose a new password</h1>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="notice error">
          This link is incomplete. <Link href="/account/forgot-password">Ask for a new one</Link>.
        </p>
      )}
    </div>
  )
}
