import { formatOrderDate } from '@/lib/orders/format'
import type { Order } from '@/lib/orders/orders'
import { countryName } from '@/lib/catalogue/countryName'
import { formatPrice } from '@/lib/money'
import { OrderTotals } from './OrderTotals'
import { PaymentInstructions } from './PaymentInstructions'

const STATUS_TEXT: { [status: string]: string } = {
  pending: 'Awaiting payment — your items are reserved.',
  paid: 'Paid — we are getting it ready.',
  fulfilled: 'Sent — on its way to you.',
  delivered: 'Delivered.',
  cancelled: 'Cancelled.',
  expired: 'Expired — payment did not arrive in time.',
  refunded: 'Refunded.',
}

/** Who is carrying the parcel, its tracking number and, when the carrier has a tracking page, a link to it. */
function Shipment({ order }: { order: Order }) {
  const { carrier, trackingNumber } = order.fulfilment ?? {}
  return (
    <section data-testid="order-shipment">
      <h2>Delivery</h2>
      <p>
        Sent with <strong>{carrier}</strong>
        {trackingNumber ? (
          <>
            {' '}
            · tracking number <span data-testid="tracking-number">{trackingNumber}</span>
          </>
        ) : null}
      </p>
      {order.trackingUrl ? (
        <p>
          <a href={order.trackingUrl} rel="noopener noreferrer" target="_blank" data-testid="tracking-link">
            Track your parcel with {carrier}
          </a>
        </p>
      ) : null}
    </section>
  )
}

export function OrderDetails({ order }: { order: Order }) {
  const address = order.shippingAddress
  return (
    <div className="stack">
      <p>
        Order <strong data-testid="order-number">{order.orderNumber}</strong>
        {order.createdAt ? ` · placed ${formatOrderDate(order.createdAt)}` : ''} ·{' '}
        <span className="status" data-testid="order-status">
          {order.status}
        </span>
      </p>
      <p className="muted">{STATUS_TEXT[order.status] ?? ''}</p>
      {order.paymentInstructions ? <PaymentInstructions instructions={order.paymentInstructions} /> : null}
      {order.fulfilment?.carrier ? <Shipment order={order} /> : null}
      <table className="table">
        <caption className="visually-hidden">Items in this order</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {(order.lines ?? []).map((line) => (
            <tr key={line.sku} data-testid="order-line">
              <td>
                {line.title}
                {line.options?.length ? <div className="muted">{line.options.map((o) => `${o.name}: ${o.value}`).join(' · ')}</div> : null}
              </td>
              <td className="num">{line.quantity}</td>
              <td className="num">{formatPrice(line.unitPrice)}</td>
              <td className="num">{formatPrice(line.lineTotal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {order.totals ? <OrderTotals totals={order.totals} discountCode={order.discountCode} /> : null}
      {address ? (
        <section>
          <h2>Delivery address</h2>
          <address>
            {[address.name, address.line1, address.line2, address.city, address.postcode, address.country ? countryName(address.country) : null]
              .filter(Boolean)
              .map((part) => (
                <div key={part}>{part}</div>
              ))}
          </address>
        </section>
      ) : null}
    </div>
  )
}
