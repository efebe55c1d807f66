import { cmsRequest } from '../cms/client'
import { toQueryString } from '../cms/query'
import type { PaymentInstructions } from '../../../src/commerce/paymentInstructions'
import type { Address, Paginated } from '../cms/types'

export interface OrderLine {
  sku: string
  title: string
  options?: { name: string; value: string }[] | null
  unitPrice: number
  quantity: number
  lineTotal: number
}

export interface Order {
  id?: number
  orderNumber: string
  status: string
  email?: string
  createdAt?: string
  lines?: OrderLine[] | null
  totals?: { subtotal: number; discount?: number | null; shipping: number; vat: number; total: number } | null
  /** The discount code the order was priced with. */
  discountCode?: string | null
  shippingAddress?: Address | null
  payment?: { method?: string | null; state?: string | null } | null
  reservationExpiresAt?: string | null
  /** Only on a bank-transfer order awaiting payment. */
  paymentInstructions?: PaymentInstructions | null
  /** Set once the order is sent. */
  fulfilment?: { carrier?: string | null; trackingNumber?: string | null; shippedAt?: string | null } | null
  /** The carrier's tracking page, built by the CMS from the carrier's template in the store settings (null when it has none). */
  trackingUrl?: string | null
}

const ORDER_NUMBER = /^[A-Z]{1,5}-?\d{1,12}$/i

export function isOrderNumber(value: string): boolean {
  return ORDER_NUMBER.test(value)
}

function orderFrom(data: unknown): Order | null {
  const body = data as { order?: Order } | Order | null
  const order = body && 'order' in body && body.order ? body.order : (body as Order | null)
  return order && typeof order.orderNumber === 'string' ? order : null
}

/** A guest's order by number and the secret token from the confirmation email. Never cached. */
export async function lookupGuestOrder(orderNumber: string, token: string): Promise<Order | null> {
  const query = toQueryString({ number: orderNumber, token })
  const res = await cmsRequest(`/api/orders/lookup?${query}`, { endpoint: 'orders/lookup' })
  return res.ok ? orderFrom(res.data) : null
}

/** A logged-in customer's order (the CMS returns only their own). */
export async function findCustomerOrder(orderNumber: string, jwt: string): Promise<Order | null> {
  const query = toQueryString({ where: { orderNumber: { equals: orderNumber } }, limit: 1, depth: 0 })
  const res = await cmsRequest<Paginated<Order>>(`/api/orders?${query}`, { endpoint: 'orders', token: jwt })
  return res.ok ? (res.data?.docs?.[0] ?? null) : null
}

export async function listCustomerOrders(jwt: string, page = 1): Promise<Paginated<Order> | null> {
  const query = toQueryString({
    sort: '-createdAt',
    limit: 20,
    page,
    depth: 0,
    select: { orderNumber: true, status: true, totals: true, createdAt: true, lines: true },
  })
  const res = await cmsRequest<Paginated<Order>>(`/api/orders?${query}`, { endpoint: 'orders', token: jwt })
  return res.ok ? res.data : null
}

export { formatOrderDate } from './format'
