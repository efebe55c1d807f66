import type { Metadata } from 'next'
import Link from 'next/link'
import { OrderLookupForm } from '@/components/OrderLookupForm'

export const metadata: Metadata = { title: 'Find your order', robots: { index: false } }

export default function OrderLookupPage() {
  return (
    <div className="wrap page narrow" style={{ maxWidth: 760 }}>
      <h1>Find your order</h1>
      <p className="muted">
        Checked out as a guest? Enter the order number from your confirmation email and the email address you used. With an account,{' '}
        <Link href="/account">your orders are listed there</Link>.
      </p>
      <OrderLookupForm />
    </div>
  )
}
