import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { LoginForm } from '@/components/account/AuthForms'
import { safeNext } from '@/lib/session/safeNext'
import { sessionToken } from '@/lib/session/session'

export const metadata: Metadata = { title: 'Log in', robots: { index: false } }

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next)
  if (await sessionToken()) redirect(next)
  return (
    <div className="wrap page narrow">
      <h1>Log in</h1>
      <LoginForm next={next} />
    </div>
  )
}
