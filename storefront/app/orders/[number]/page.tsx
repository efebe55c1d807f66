import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { OrderDetails } from '@/components/OrderDetails'
import { findCustomerOrder, isOrderNumber, lookupGuestOrder } from '@/lib/orders/orders'
import { sessionToken } from '@/lib/session/session'

// The lookup token is in the URL: never send it onwards in a Referer header.
export const metadata: Metadata = { title: 'Your order', robots: { index: false }, referrer: 'no-referrer' }

interface Props {
  params: Promise<{ number: string }>
  searchParams: Promise<{ token?: string | string[]; placed?: string | string[] }>
}

export default async function OrderPage({ params, searchParams }: Props) {
  const orderNumber = decodeURIComponent((await params).number).toUpperCase()
  const { token, placed } = await searchParams
  if (!isOrderNumber(orderNumber)) notFound()
  const jwt = await sessionToken()
  const order =
    (typeof token === 'string' && token ? await lookupGuestOrder(orderNumber, token) : null) ?? (jwt ? await findCustomerOrder(orderNumber, jwt) : null)
  if (!order) notFound()
  return (
    <div className="wrap page narrow" style={{ maxWidth: 760 }}>
      <h1 data-testid="order-heading">{placed === '1' ? 'Thank you for your order' : `Order ${order.orderNumber}`}</h1>
      {placed === '1' && order.email ? <p className="muted">We have emailed a confirmation to {order.email}.</p> : null}
      <OrderDetails order={order} />
      <p>
        <Link href="/">Continue shopping</Link>
      </p>
    </div>
  )
}
