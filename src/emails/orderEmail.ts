import type { OrderEmailKind } from '../commerce/followUps'
import { escapeHtml } from '../commerce/html'
import { formatGBP } from '../commerce/money'
import { paymentInstructionLines, type PaymentInstructions } from '../commerce/paymentInstructions'
import type { RenderedEmail } from '../infra/mailer'

export type { OrderEmailKind }

export interface OrderEmailData {
  storeName: string
  order: {
    orderNumber: string
    email: string
    status: string
    lines: { title: string; sku: string; quantity: number; unitPrice: number; lineTotal: number }[]
    totals: { subtotal: number; discount: number; shipping: number; vat: number; total: number }
    fulfilment?: { carrier?: string | null; trackingNumber?: string | null } | null
    /** The discount code the order was priced with, if any. */
    discountCode?: string | null
    /** Set on a bank-transfer order awaiting payment (the orders' virtual field). */
    paymentInstructions?: PaymentInstructions | null
  }
  /** Where a guest can see the order (confirmation only). */
  lookupUrl?: string
}

const SUBJECTS: Record<OrderEmailKind, (n: string) => string> = {
  confirmation: (n) => `Thank you for your order ${n}`,
  paid: (n) => `Payment received for order ${n}`,
  fulfilled: (n) => `Your order ${n} is on its way`,
  cancelled: (n) => `Your order ${n} has been cancelled`,
  refunded: (n) => `Your order ${n} has been refunded`,
}

function intro(kind: OrderEmailKind, data: OrderEmailData): string[] {
  const f = data.order.fulfilment
  switch (kind) {
    case 'confirmation':
      return [`We have your order ${data.order.orderNumber}.`, data.lookupUrl ? `See it any time: ${data.lookupUrl}` : '']
    case 'paid':
      return ['Your payment has arrived; we are preparing your parcel.']
    case 'fulfilled':
      return [`Your parcel has left us with ${f?.carrier ?? 'our carrier'}.`, f?.trackingNumber ? `Tracking number: ${f.trackingNumber}` : '']
    case 'cancelled':
      return ['Your order has been cancelled. If you paid, the money is on its way back to you.']
    case 'refunded':
      return ['We have refunded your order. It can take a few days to show on your statement.']
  }
}

/** How to pay, in the confirmation of a bank-transfer order only. */
function howToPay(kind: OrderEmailKind, data: OrderEmailData): string[] {
  const instructions = data.order.paymentInstructions
  return kind === 'confirmation' && instructions ? paymentInstructionLines(instructions) : []
}

/** Plain text and HTML of an order email: the store's name, the order's lines and its totals. */
export function renderOrderEmail(kind: OrderEmailKind, data: OrderEmailData): RenderedEmail {
  const { order, storeName } = data
  const paragraphs = intro(kind, data).filter(Boolean)
  const payment = howToPay(kind, data)
  const totals: [string, number][] = [
    ['Subtotal', order.totals.subtotal],
    ...(order.totals.discount ? [[order.discountCode ? `Discount (${order.discountCode})` : 'Discount', -order.totals.discount] as [string, number]] : []),
    ['Shipping', order.totals.shipping],
    ['Total', order.totals.total],
    ['of which VAT', order.totals.vat],
  ]
  const text = [
    `${storeName}`,
    '',
    ...paragraphs,
    '',
    ...(payment.length ? ['How to pay', ...payment, ''] : []),
    ...order.lines.map((l) => `${l.quantity} × ${l.title} (${l.sku}) ${formatGBP(l.lineTotal)}`),
    '',
    ...totals.map(([label, value]) => `${label}: ${formatGBP(value)}`),
  ].join('\n')
  const rows = order.lines
    .map(
      (l) =>
        `<tr><td>${l.quantity} ×</td><td>${escapeHtml(l.title)}<br><small>${escapeHtml(l.sku)}</small></td><td align="right">${formatGBP(l.lineTotal)}</td></tr>`,
    )
    .join('')
  const totalRows = totals.map(([label, value]) => `<tr><td colspan="2">${label}</td><td align="right">${formatGBP(value)}</td></tr>`).join('')
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<h1>${escapeHtml(storeName)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${payment.length ? `<h2>How to pay</h2>\n${payment.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}` : ''}
<table cellpadding="4">${rows}${totalRows}</table>
</body></html>`
  return { to: order.email, subject: `${SUBJECTS[kind](order.orderNumber)} – ${storeName}`, html, text }
}
