import React from 'react'

import type { Dashboard } from '../../infra/dashboard'
import { londonDateTime } from './format'

/** Stock held by unpaid orders, largest first: a merchandiser sees a hoard before shoppers meet "out of stock". */
export function Holds({ admin, holds }: { admin: string; holds: Dashboard['holds'] }) {
  return (
    <div className="card ir-dashboard__list" data-testid="dash-holds" data-orders={holds.orders} data-units={holds.units}>
      <h3>
        Stock held by unpaid orders{' '}
        <span className="ir-dashboard__muted">
          ({holds.units} {holds.units === 1 ? 'unit' : 'units'} in {holds.orders} {holds.orders === 1 ? 'order' : 'orders'}, {holds.guestOrders} from signed-out
          shoppers)
        </span>
      </h3>
      {holds.orders === 0 && <p className="ir-dashboard__muted">No unpaid order holds stock.</p>}
      <ul>
        {holds.largest.map((h) => (
          <li key={String(h.orderId)}>
            <a href={`${admin}/collections/orders/${h.orderId}`} data-order={h.orderNumber} data-units={h.units}>
              <span className="ir-dashboard__count">{h.units}</span>
              <span>
                {h.orderNumber}
                <small className="ir-dashboard__muted">
                  {' '}
                  {h.guest ? 'signed-out shopper' : 'customer'}
                  {h.expiresAt ? ` · released ${londonDateTime(h.expiresAt)} unless paid` : ''}
                </small>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
