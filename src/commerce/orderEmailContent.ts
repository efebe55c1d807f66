import { trackingUrl, type Carrier } from './carriers'
import { countryName } from './countries'
import { formatGBP, type Pence } from './money'

/** What an order email is made from: the order as stored, and what the task looked up around it. */
export interface OrderEmailOrder {
  orderNumber: string
  email: string
  lines: { title: string; sku: string; quantity: number; unitPrice: Pence; lineTotal: Pence; options?: unknown }[]
  totals: { subtotal: Pence; discount?: Pence | null; shipping: Pence; vat: Pence; total: Pence }
  shippingAddress?: Partial<Record<'name' | 'line1' | 'line2' | 'city' | 'postcode' | 'country', string | null>> | null
  fulfilment?: { carrier?: string | null; trackingNumber?: string | null } | null
  /** The discount code the order was priced with, if any (named beside the discount). */
  discountCode?: string | null
}

export interface EmailLine {
  title: string
  /** "Size: M · Colour: Navy", or '' */
  options: string
  sku: string
  quantity: number
  unitPrice: string
  lineTotal: string
  /** An absolute URL of the product's picture, or null when it has none. */
  imageUrl: string | null
}

export interface EmailTotalRow {
  label: string
  value: string
  /** The grand total, shown stronger. */
  strong?: boolean
}

export interface OrderEmailContent {
  greeting: string
  lines: EmailLine[]
  totals: EmailTotalRow[]
  /** The delivery address, one line per entry. */
  address: string[]
  /** The order page on the storefront. */
  orderUrl: string
  tracking: { carrier: string; number: string; url: string | null } | null
}

/** "Hello Ada," from the delivery name's first word; "Hello," without a name. */
export function greeting(name: string | null | undefined): string {
  const first = (name ?? '').trim().split(/\s+/)[0]
  return first ? `Hello ${first},` : 'Hello,'
}

/** Shipping as the storefront shows it: "Free" when nothing is charged. */
export function shippingText(shipping: Pence): string {
  return shipping === 0 ? 'Free' : formatGBP(shipping)
}

/** The totals block of an order, in the storefront's words and order. */
export function totalRows(totals: OrderEmailOrder['totals'], discountCode?: string | null): EmailTotalRow[] {
  return [
    { label: 'Subtotal', value: formatGBP(totals.subtotal) },
    ...(totals.discount ? [{ label: discountCode ? `Discount (${discountCode})` : 'Discount', value: `-${formatGBP(totals.discount)}` }] : []),
    { label: 'Shipping', value: shippingText(totals.shipping) },
    { label: 'Total', value: formatGBP(totals.total), strong: true },
    { label: 'VAT included', value: formatGBP(totals.vat) },
  ]
}

/** The line's chosen options ("Size: M · Colour: Navy"), whatever shape they were stored in. */
export function optionsText(options: unknown): string {
  if (!Array.isArray(options)) return ''
  return options
    .filter((o): o is { name: string; value: string } => typeof o?.name === 'string' && typeof o?.value === 'string')
    .map((o) => `${o.name}: ${o.value}`)
    .join(' · ')
}

export { countryName }

/** The delivery address as lines, the country by its English name, empty parts left out. */
export function addressLines(address: OrderEmailOrder['shippingAddress']): string[] {
  if (!address) return []
  const country = address.country?.trim() ? countryName(address.country.trim()) : ''
  return [address.name, address.line1, address.line2, address.city, address.postcode, country].map((p) => (p ?? '').trim()).filter(Boolean)
}

/** The storefront's order page; with the guest's lookup token when there is one. */
export function orderPageUrl(storefrontUrl: string, orderNumber: string, lookupToken?: string | null): string {
  const base = `${storefrontUrl.replace(/\/+$/, '')}/orders/${encodeURIComponent(orderNumber)}`
  return lookupToken ? `${base}?token=${encodeURIComponent(lookupToken)}` : base
}

export interface OrderEmailContext {
  storefrontUrl: string
  lookupToken?: string | null
  carriers?: readonly Partial<Carrier>[] | null
  /** Picture URL by SKU (absolute). */
  images?: ReadonlyMap<string, string>
}

/** Everything an order email shows, shaped from the order: the templates only lay it out. */
export function orderEmailContent(order: OrderEmailOrder, context: OrderEmailContext): OrderEmailContent {
  const f = order.fulfilment
  const carrier = f?.carrier?.trim()
  const number = f?.trackingNumber?.trim()
  return {
    greeting: greeting(order.shippingAddress?.name),
    lines: order.lines.map((l) => ({
      title: l.title,
      options: optionsText(l.options),
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: formatGBP(l.unitPrice),
      lineTotal: formatGBP(l.lineTotal),
      imageUrl: context.images?.get(l.sku) ?? null,
    })),
    totals: totalRows(order.totals, order.discountCode),
    address: addressLines(order.shippingAddress),
    orderUrl: orderPageUrl(context.storefrontUrl, order.orderNumber, context.lookupToken),
    tracking: carrier && number ? { carrier, number, url: trackingUrl(context.carriers, carrier, number) } : null,
  }
}
