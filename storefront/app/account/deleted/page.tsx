import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Account deleted', robots: { index: false } }

export default function AccountDeletedPage() {
  return (
    <div className="wrap page">
      <h1>Your account is deleted</h1>
      <p data-testid="account-deleted">
        We have erased your personal details. Orders you placed stay on our books for tax, without your name, addresses or email.
      </p>
      <p>
        <Link href="/">Back to the shop</Link>
      </p>
    </div>
  )
}
