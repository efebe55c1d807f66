import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { AccountNav } from '@/components/account/AccountNav'
import { deleteAccountAction } from '@/lib/account/privacyActions'
import { currentCustomer } from '@/lib/session/session'

export const metadata: Metadata = { title: 'Your data', robots: { index: false } }

const ERRORS: Record<string, string> = {
  confirm: 'That is not the email address of this account. Type it exactly to delete the account.',
  download: 'We could not prepare your data just now. Please try again.',
  unreachable: 'The shop is not answering just now. Please try again.',
  failed: 'We could not delete your account just now. Please try again or contact us.',
}

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const session = await currentCustomer()
  if (!session) redirect('/account/login?next=/account/privacy')
  const { error } = await searchParams
  const message = error ? (ERRORS[error] ?? ERRORS.failed) : null
  return (
    <div className="wrap page">
      <h1>Your data</h1>
      <AccountNav />
      {message ? (
        <p className="notice error" role="alert" data-testid="privacy-error">
          {message}
        </p>
      ) : null}
      <section>
        <h2>Download your data</h2>
        <p>Your account details, addresses, orders, reviews and stock alerts, as a JSON file.</p>
        <a className="button" href="/account/data" download data-testid="download-data">
          Download my data
        </a>
      </section>
      <section>
        <h2>Delete your account</h2>
        <p>
          This cannot be undone. Your orders stay on the shop’s books for tax, without your name, addresses or email; your saved addresses, cart and stock
          alerts go, and you will no longer be able to log in.
        </p>
        <form action={deleteAccountAction} className="form" data-testid="delete-account-form">
          <label htmlFor="confirmEmail">Type your email address ({session.customer.email}) to confirm</label>
          <input id="confirmEmail" name="confirmEmail" type="email" autoComplete="off" required />
          <button type="submit" className="danger" data-testid="delete-account">
            Delete my account
          </button>
        </form>
      </section>
    </div>
  )
}
