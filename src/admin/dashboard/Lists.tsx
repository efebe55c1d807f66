import React from 'react'

import { formatGBP } from '../../commerce/money'
import type { Dashboard } from '../../infra/dashboard'
import { londonDateTime } from './format'

const ordersWith = (admin: string, status: string) => `${admin}/collections/orders?where[status][equals]=${encodeURIComponent(status)}`

/** Orders waiting, low stock, top sellers and recent cancellations and refunds, each linking to where the work is done. */
export function Lists({ admin, figures }: { admin: string; figures: Dashboard }) {
  const { waiting, lowStock, topSellers, reversals } = figures
  return (
    <div className="ir-dashboard__lists">
      <div className="card ir-dashboard__list" data-testid="dash-waiting">
        <h3>Orders waiting</h3>
        <ul>
          {waiting.map((w) => (
            <li key={w.status}>
              <a href={ordersWith(admin, w.status)} data-testid={`dash-waiting-${w.status}`} data-count={w.count}>
                <span className="ir-dashboard__count">{w.count}</span>
                <span>
                  {w.label}
                  <small className="ir-dashboard__muted"> {w.hint}</small>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </div>

      <div className="card ir-dashboard__list" data-testid="dash-low-stock" data-total={lowStock.total}>
        <h3>
          Low stock <span className="ir-dashboard__muted">({lowStock.total} at or below threshold)</span>
        </h3>
        {lowStock.total === 0 && <p className="ir-dashboard__muted">Every SKU is above its low-stock threshold.</p>}
        <ul>
          {lowStock.items.map((item) => (
            <li key={item.sku}>
              <a href={`${admin}/collections/inventory/${item.id}`} data-sku={item.sku}>
                <span className={`ir-dashboard__count ${item.available === 0 ? 'ir-dashboard__count--out' : 'ir-dashboard__count--low'}`}>
                  {item.available}
                </span>
                <span>
                  {item.sku}{' '}
                  <small className="ir-dashboard__muted">
                    {item.title} · threshold {item.threshold} · adjust stock
                  </small>
                </span>
              </a>
            </li>
          ))}
        </ul>
        {lowStock.total > lowStock.items.length && (
          <a className="ir-dashboard__link" href={`${admin}/collections/inventory?sort=available`}>
            All {lowStock.total} in the inventory, fewest first
          </a>
        )}
      </div>

      <div className="card ir-dashboard__list" data-testid="dash-top-sellers">
        <h3>Top sellers, last 30 days</h3>
        {topSellers.length === 0 && <p className="ir-dashboard__muted">No paid orders in these 30 days.</p>}
        {topSellers.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Units</th>
                <th scope="col">Sales</th>
              </tr>
            </thead>
            <tbody>
              {topSellers.map((s) => (
                <tr key={s.sku} data-sku={s.sku}>
                  <td>
                    {s.productId ? <a href={`${admin}/collections/products/${s.productId}`}>{s.title}</a> : s.title}
                    <small className="ir-dashboard__muted"> {s.sku}</small>
                  </td>
                  <td data-testid="units">{s.units}</td>
                  <td>{formatGBP(s.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className="card ir-dashboard__list" data-testid="dash-reversals">
        <h3>Recent cancellations and refunds</h3>
        {reversals.length === 0 && <p className="ir-dashboard__muted">None yet.</p>}
        <ul>
          {reversals.map((r) => (
            <li key={`${r.orderId}-${r.status}`}>
              <a href={`${admin}/collections/orders/${r.orderId}`} data-order={r.orderNumber} data-status={r.status}>
                <span className={`ir-dashboard__pill ir-dashboard__pill--${r.status}`}>{r.status}</span>
                <span>
                  {r.orderNumber} · {formatGBP(r.total)}
                  <small className="ir-dashboard__muted">
                    {' '}
                    {londonDateTime(r.at)}
                    {r.status === 'cancelled' && r.from === 'pending' ? ' · never paid' : ''}
                  </small>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
