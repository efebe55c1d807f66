import type { Metadata } from 'next'
import { RegisterForm } from '@/components/account/AuthForms'
import { safeNext } from '@/lib/session/safeNext'

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } }

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  return (
    <div className="wrap page narrow">
      <h1>Create an account</h1>
      <p className="muted">See your orders in one place and check out faster with saved addresses.</p>
      <RegisterForm next={safeNext((await searchParams).next)} />
    </div>
  )
}
