import type { Address } from './address'
import { conflict } from './errors'
import type { Pence } from './money'
import type { OrderStatus } from './orderStates'
import type { OrderTotals } from './pricing'
import type { LineOption } from './pricingRegistry'
import { vatFromInclusive, vatRateToBasisPoints } from './vat'

/** The seller as a UK VAT invoice must name it (HMRC VAT Notice 700/21, "full VAT invoice"). */
export interface SellerDetails {
  name: string
  address: string
  vatNumber: string
}

export interface PrintableLine {
  sku: string
  title: string
  options: readonly LineOption[]
  unitPrice: Pence
  quantity: number
  lineTotal: Pence
}

/** What the packing slip and the invoice read from an order. */
export interface PrintableOrder {
  orderNumber: string
  status: OrderStatus
  createdAt: Date
  email: string
  lines: readonly PrintableLine[]
  totals: OrderTotals
  statusHistory: readonly { to: OrderStatus; at: Date }[]
  shippingAddress: Partial<Address> | null
  billingAddress: Partial<Address> | null
  paymentMethod: string | null
  fulfilment: { carrier: string; trackingNumber: string } | null
}

export interface InvoiceLine {
  description: string
  sku: string | null
  quantity: number
  /** VAT-inclusive, as charged; negative for a discount. */
  gross: Pence
  net: Pence
  vat: Pence
  vatRate: number
}

export interface VatInvoice {
  invoiceNumber: string
  /** The tax point: when the order was paid (the order's date if its history has no payment). */
  invoiceDate: Date
  seller: SellerDetails
  customer: { email: string; address: Partial<Address> | null }
  lines: InvoiceLine[]
  totals: { net: Pence; vat: Pence; gross: Pence }
  vatRate: number
}

/** Money was taken for these, so they have an invoice (a refund is a credit note against it, not a removal). */
const INVOICED: readonly OrderStatus[] = ['paid', 'fulfilled', 'delivered', 'refunded']
/** Goods are being or were sent. */
const PACKED: readonly OrderStatus[] = ['paid', 'fulfilled', 'delivered']
/** Rates the UK has used, tried when the store's rate no longer reproduces an old order's VAT. */
const UK_RATES = [20, 17.5, 15, 5, 0]

/** "Size: M, Colour: Navy"; empty when the line has no options. */
export function formatLineOptions(options: readonly LineOption[] | null | undefined): string {
  return (options ?? []).map((o) => `${o.name}: ${o.value}`).join(', ')
}

export function assertPrintable(order: PrintableOrder, kind: 'invoice' | 'packingSlip'): void {
  const allowed = kind === 'invoice' ? INVOICED : PACKED
  if (allowed.includes(order.status)) return
  const what = kind === 'invoice' ? 'a VAT invoice' : 'a packing slip'
  throw conflict(
    `no_${kind === 'invoice' ? 'invoice' : 'packing_slip'}`,
    `Order ${order.orderNumber} is ${order.status}: ${what} is printed only once it is ${allowed.join(', ')}`,
  )
}

/** The rate that made the order's recorded VAT: the store's rate unless it has changed since, then a past UK rate. */
export function orderVatRate(totals: OrderTotals, storeRate: number): number {
  const found = [storeRate, ...UK_RATES].find((rate) => vatFromInclusive(totals.total, rate) === totals.vat)
  if (found === undefined) {
    throw conflict('vat_rate_unknown', `Order VAT ${totals.vat} of ${totals.total} matches no known rate; the invoice cannot be split`)
  }
  return found
}

/**
 * Splits `target` VAT over the gross amounts in proportion, so the rows add up to the order's recorded VAT exactly:
 * each row gets the floor of its exact share, the pennies left go to the largest remainders.
 */
export function splitVat(grosses: readonly Pence[], ratePercent: number, target: Pence): Pence[] {
  const bps = BigInt(vatRateToBasisPoints(ratePercent))
  const d = 10000n + bps
  const exact = grosses.map((g) => BigInt(g) * bps)
  const floors = exact.map((n) => (n >= 0n ? n / d : -((-n + d - 1n) / d)))
  const remainders = exact.map((n, i) => n - floors[i] * d)
  let left = target - floors.reduce((s, f) => s + Number(f), 0)
  const order = remainders.map((r, i) => ({ r, i })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  const result = floors.map(Number)
  // Round up the largest remainders first; should the target be below the floors, take back from the smallest.
  const queue = left >= 0 ? order : [...order].reverse()
  for (let k = 0; left !== 0 && queue.length > 0; k = (k + 1) % queue.length) {
    result[queue[k].i] += Math.sign(left)
    left -= Math.sign(left)
  }
  return result
}

function taxPoint(order: PrintableOrder): Date {
  return order.statusHistory.find((h) => h.to === 'paid')?.at ?? order.createdAt
}

/** The invoice of a paid order: one row per line plus shipping and any discount, each with net, rate, VAT, gross. */
export function buildVatInvoice(order: PrintableOrder, seller: SellerDetails, storeVatRate: number): VatInvoice {
  assertPrintable(order, 'invoice')
  const missing = (['name', 'address', 'vatNumber'] as const).filter((k) => !seller[k]?.trim())
  if (missing.length > 0) {
    throw conflict('seller_details_missing', `A VAT invoice needs the seller's ${missing.join(', ')}: fill them in Store settings → Seller`)
  }
  const vatRate = orderVatRate(order.totals, storeVatRate)
  const rows: Omit<InvoiceLine, 'net' | 'vat' | 'vatRate'>[] = order.lines.map((l) => {
    const options = formatLineOptions(l.options)
    return { description: options ? `${l.title} (${options})` : l.title, sku: l.sku, quantity: l.quantity, gross: l.lineTotal }
  })
  if (order.totals.discount > 0) rows.push({ description: 'Discount', sku: null, quantity: 1, gross: -order.totals.discount })
  if (order.totals.shipping > 0) rows.push({ description: 'Shipping', sku: null, quantity: 1, gross: order.totals.shipping })
  const vats = splitVat(
    rows.map((r) => r.gross),
    vatRate,
    order.totals.vat,
  )
  const lines = rows.map((r, i) => ({ ...r, vat: vats[i], net: r.gross - vats[i], vatRate }))
  return {
    invoiceNumber: order.orderNumber,
    invoiceDate: taxPoint(order),
    seller,
    customer: { email: order.email, address: order.billingAddress ?? order.shippingAddress },
    lines,
    totals: { net: order.totals.total - order.totals.vat, vat: order.totals.vat, gross: order.totals.total },
    vatRate,
  }
}
