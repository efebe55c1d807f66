import type { OrderEmailKind } from '../commerce/followUps'
import { orderEmailContent, type OrderEmailContent, type OrderEmailContext, type OrderEmailOrder } from '../commerce/orderEmailContent'
import { paymentInstructionLines, type PaymentInstructions } from '../commerce/paymentInstructions'
import type { RenderedEmail } from '../infra/mailer'
import { button, COLOURS, compile, emailDocument, esc, heading, paragraphs, section } from './layout'

export type { OrderEmailKind }

export interface OrderEmailData {
  storeName: string
  order: OrderEmailOrder & {
    /** Set on a bank-transfer order awaiting payment (the orders' virtual field). */
    paymentInstructions?: PaymentInstructions | null
  }
  /** Where the links and pictures point: the storefront, the guest's token, the carriers, the pictures by SKU. */
  context: OrderEmailContext
}

const SUBJECTS: Record<OrderEmailKind, (n: string) => string> = {
  confirmation: (n) => `Thank you for your order ${n}`,
  paid: (n) => `Payment received for order ${n}`,
  fulfilled: (n) => `Your order ${n} is on its way`,
  cancelled: (n) => `Your order ${n} has been cancelled`,
  refunded: (n) => `Your order ${n} has been refunded`,
}

function intro(kind: OrderEmailKind, orderNumber: string, content: OrderEmailContent): string[] {
  switch (kind) {
    case 'confirmation':
      return [`Thank you for shopping with us. We have your order ${orderNumber}.`]
    case 'paid':
      return [`Your payment for order ${orderNumber} has arrived; we are preparing your parcel.`]
    case 'fulfilled':
      return [`Your order ${orderNumber} has left us with ${content.tracking?.carrier ?? 'our carrier'}.`]
    case 'cancelled':
      return [`Your order ${orderNumber} has been cancelled. If you paid, the money is on its way back to you.`]
    case 'refunded':
      return [`We have refunded your order ${orderNumber}. It can take a few days to show on your statement.`]
  }
}

/** How to pay, in the confirmation of a bank-transfer order only. */
function howToPay(kind: OrderEmailKind, data: OrderEmailData): string[] {
  const instructions = data.order.paymentInstructions
  return kind === 'confirmation' && instructions ? paymentInstructionLines(instructions) : []
}

function trackingText(content: OrderEmailContent): string[] {
  const t = content.tracking
  if (!t) return []
  return [`Carrier: ${t.carrier}`, `Tracking number: ${t.number}`, ...(t.url ? [`Track your parcel: ${t.url}`] : [])]
}

function text(kind: OrderEmailKind, data: OrderEmailData, content: OrderEmailContent): string {
  const payment = howToPay(kind, data)
  const tracking = trackingText(content)
  return [
    data.storeName,
    '',
    content.greeting,
    '',
    ...intro(kind, data.order.orderNumber, content),
    '',
    ...(tracking.length ? [...tracking, ''] : []),
    ...(payment.length ? ['How to pay', ...payment, ''] : []),
    'Your items',
    ...content.lines.map((l) => `${l.quantity} × ${l.title}${l.options ? ` – ${l.options}` : ''} (${l.sku}) ${l.lineTotal}`),
    '',
    ...content.totals.map((r) => `${r.label}: ${r.value}`),
    '',
    ...(content.address.length ? ['Delivery address', ...content.address, ''] : []),
    `View your order: ${content.orderUrl}`,
  ].join('\n')
}

function trackingSection(content: OrderEmailContent): string {
  const t = content.tracking
  if (!t) return ''
  const facts = paragraphs([`Carrier: ${t.carrier}`, `Tracking number: ${t.number}`])
  return section(`${heading('Tracking')}\n${facts}\n${t.url ? button('Track your parcel', t.url) : ''}`)
}

function paymentSection(lines: string[]): string {
  if (!lines.length) return ''
  return `<mj-section padding="8px 24px"><mj-column background-color="${COLOURS.panel}" border="1px solid ${COLOURS.line}" border-radius="6px" padding="8px 0">
${heading('How to pay')}
${paragraphs(lines)}
</mj-column></mj-section>`
}

function itemsSection(content: OrderEmailContent): string {
  const rows = content.lines
    .map((l) => {
      const picture = l.imageUrl
        ? `<img src="${esc(l.imageUrl)}" width="64" height="64" alt="${esc(l.title)}" style="display:block;width:64px;height:64px;object-fit:cover;border-radius:4px;border:1px solid ${COLOURS.line}">`
        : `<div style="width:64px;height:64px;border-radius:4px;background:${COLOURS.panel};border:1px solid ${COLOURS.line}"></div>`
      const options = l.options ? `<br><span style="color:${COLOURS.muted};font-size:13px">${esc(l.options)}</span>` : ''
      return `<tr style="border-bottom:1px solid ${COLOURS.line}">
<td style="padding:8px 12px 8px 0;width:64px">${picture}</td>
<td style="padding:8px 0"><strong>${esc(l.title)}</strong>${options}<br><span style="color:${COLOURS.muted};font-size:13px">${esc(l.quantity)} × ${esc(l.unitPrice)} · ${esc(l.sku)}</span></td>
<td style="padding:8px 0;text-align:right;white-space:nowrap">${esc(l.lineTotal)}</td>
</tr>`
    })
    .join('\n')
  const totals = content.totals
    .map((r) => {
      const weight = r.strong ? 'font-weight:bold;font-size:16px;' : ''
      return `<tr><td style="padding:3px 0;${weight}">${esc(r.label)}</td><td style="padding:3px 0;text-align:right;${weight}">${esc(r.value)}</td></tr>`
    })
    .join('\n')
  return section(`${heading('Your items')}
<mj-table>${rows}</mj-table>
<mj-table padding="8px 24px">${totals}</mj-table>`)
}

function addressSection(content: OrderEmailContent): string {
  if (!content.address.length) return ''
  return section(`${heading('Delivery address')}
<mj-text>${content.address.map(esc).join('<br>')}</mj-text>`)
}

function html(kind: OrderEmailKind, data: OrderEmailData, content: OrderEmailContent, subject: string): Promise<string> {
  const opening = intro(kind, data.order.orderNumber, content)
  return compile(
    emailDocument({
      storeName: data.storeName,
      title: subject,
      preview: opening[0],
      sections: [
        section(
          `<mj-text font-size="17px" font-weight="bold">${esc(content.greeting)}</mj-text>\n${paragraphs(opening)}\n${button('View your order', content.orderUrl)}`,
        ),
        trackingSection(content),
        paymentSection(howToPay(kind, data)),
        itemsSection(content),
        addressSection(content),
      ].filter(Boolean),
      footer: `You are receiving this email about order ${data.order.orderNumber} at ${data.storeName}. Questions? Reply to this email.`,
    }),
  )
}

/** An order email: subject, HTML (MJML) and plain text, both with the greeting, items, totals, address and links. */
export async function renderOrderEmail(kind: OrderEmailKind, data: OrderEmailData): Promise<RenderedEmail> {
  const content = orderEmailContent(data.order, data.context)
  const subject = `${SUBJECTS[kind](data.order.orderNumber)} – ${data.storeName}`
  return { to: data.order.email, subject, html: await html(kind, data, content, subject), text: text(kind, data, content) }
}
