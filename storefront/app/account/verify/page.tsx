import type { Metadata } from 'next'
import { VerifyEmailForm } from '@/components/account/AuthForms'

export const metadata: Metadata = { title: 'Confirm your email', robots: { index: false }, referrer: 'no-referrer' }

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams
  return (
    <div className="wrap page narrow">
      <h1>Confirm your email address</h1>
      {token ? <VerifyEmailForm token={token} /> : <p className="notice error">This link is incomplete.</p>}
    </div>
  )
}
