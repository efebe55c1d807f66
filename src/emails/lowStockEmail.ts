import type { RenderedEmail } from '../infra/mailer'
import { button, COLOURS, compile, emailDocument, esc, heading, paragraphs, section } from './layout'

export interface LowStockItem {
  sku: string
  available: number
  threshold: number
  /** The product's name, when the task found it. */
  title?: string | null
  /** An absolute URL of the product's picture. */
  imageUrl?: string | null
}

export interface LowStockEmailData {
  storeName: string
  recipients: string[]
  items: LowStockItem[]
  /** The admin's inventory list, where staff restock. */
  inventoryUrl: string
}

function subjectOf(items: LowStockItem[]): string {
  return items.length === 1 ? `Low stock: ${items[0].sku} has ${items[0].available} left` : `Low stock: ${items.length} SKUs at or below their threshold`
}

const line = (i: LowStockItem) => `${i.sku}${i.title ? ` (${i.title})` : ''}: ${i.available} left (alert at ${i.threshold})`

function itemsTable(items: LowStockItem[]): string {
  const rows = items
    .map((i) => {
      const picture = i.imageUrl
        ? `<img src="${esc(i.imageUrl)}" width="48" height="48" alt="${esc(i.title ?? i.sku)}" style="display:block;width:48px;height:48px;object-fit:cover;border-radius:4px;border:1px solid ${COLOURS.line}">`
        : `<div style="width:48px;height:48px;border-radius:4px;background:${COLOURS.panel};border:1px solid ${COLOURS.line}"></div>`
      const title = i.title ? `<strong>${esc(i.title)}</strong><br>` : ''
      return `<tr style="border-bottom:1px solid ${COLOURS.line}">
<td style="padding:8px 12px 8px 0;width:48px">${picture}</td>
<td style="padding:8px 0">${title}<span style="color:${COLOURS.muted};font-size:13px">${esc(i.sku)}</span></td>
<td style="padding:8px 0;text-align:right;white-space:nowrap"><strong>${esc(i.available)} left</strong><br><span style="color:${COLOURS.muted};font-size:13px">alert at ${esc(i.threshold)}</span></td>
</tr>`
    })
    .join('\n')
  return `<mj-table>${rows}</mj-table>`
}

/** The alert (one SKU) or digest (many) sent to the store's low-stock recipients, as HTML (MJML) and plain text. */
export async function renderLowStockEmail(data: LowStockEmailData): Promise<RenderedEmail> {
  const subject = subjectOf(data.items)
  const opening =
    data.items.length === 1
      ? ['This SKU has fallen to its low-stock threshold.']
      : [`These ${data.items.length} SKUs are at or below their low-stock threshold.`]
  const html = await compile(
    emailDocument({
      storeName: data.storeName,
      title: subject,
      preview: subject,
      sections: [
        section(`<mj-text font-size="17px" font-weight="bold">Hello,</mj-text>\n${paragraphs(opening)}`),
        section(`${heading('Stock to reorder')}\n${itemsTable(data.items)}\n${button('Open the inventory', data.inventoryUrl)}`),
      ],
      footer: `Sent to the low-stock recipients in the ${data.storeName} store settings.`,
    }),
  )
  const text = [
    `${data.storeName} stock alert`,
    '',
    'Hello,',
    '',
    ...opening,
    '',
    ...data.items.map(line),
    '',
    `Open the inventory: ${data.inventoryUrl}`,
  ].join('\n')
  return { to: data.recipients.join(', '), subject: `${subject} – ${data.storeName}`, text, html }
}
