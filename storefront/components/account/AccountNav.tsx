import Link from 'next/link'
import { logOutAction } from '@/lib/session/authActions'

export function AccountNav() {
  return (
    <nav aria-label="Account" className="account-nav">
      <Link href="/account">Orders</Link>
      <Link href="/account/addresses">Addresses</Link>
      <Link href="/account/privacy">Your data</Link>
      <form action={logOutAction}>
        <button type="submit" className="secondary" data-testid="logout">
          Log out
        </button>
      </form>
    </nav>
  )
}
