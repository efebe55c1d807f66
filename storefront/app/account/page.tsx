import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AccountNav } from '@/components/account/AccountNav'
import { formatPrice } from '@/lib/money'
import { formatOrderDate, listCustomerOrders } from '@/lib/orders/orders'
import { currentCustomer } from '@/lib/session/session'

export const metadata: Metadata = { title: 'Your account', robots: { index: false } }

export default async function AccountPage() {
  const session = await currentCustomer()
  if (!session) redirect('/account/login?next=/account')
  const orders = await listCustomerOrders(session.token)
  return (
    <div className="wrap page">
      <h1>Hello{session.customer.name ? `, ${session.customer.name}` : ''}</h1>
      <p className="muted">Logged in as {session.customer.email}</p>
      <AccountNav />
      <h2>Your orders</h2>
      {!orders ? <p className="notice error">We could not load your orders just now.</p> : null}
      {orders && orders.docs.length === 0 ? <p data-testid="account-orders-empty">No orders yet.</p> : null}
      {orders && orders.docs.length > 0 ? (
        <table className="table" data-testid="account-orders">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Date</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.docs.map((order) => (
              <tr key={order.orderNumber} data-testid="account-order" data-order-number={order.orderNumber}>
                <td>
                  <Link href={`/orders/${encodeURIComponent(order.orderNumber)}`}>{order.orderNumber}</Link>
                </td>
                <td>{formatOrderDate(order.createdAt)}</td>
                <td>
                  <span className="status">{order.status}</span>
                </td>
                <td className="num">{order.totals ? formatPrice(order.totals.total) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  )
}
