import type { RenderedEmail } from '../infra/mailer'

export interface LowStockItem {
  sku: string
  available: number
  threshold: number
}

/** The alert (one SKU) or digest (many) sent to the store's low-stock recipients. */
export function renderLowStockEmail(storeName: string, recipients: string[], items: LowStockItem[]): RenderedEmail {
  const lines = items.map((i) => `${i.sku}: ${i.available} left (alert at ${i.threshold})`)
  const subject =
    items.length === 1 ? `Low stock: ${items[0].sku} has ${items[0].available} left` : `Low stock: ${items.length} SKUs at or below their threshold`
  return {
    to: recipients.join(', '),
    subject: `${subject} – ${storeName}`,
    text: [`${storeName} stock alert`, '', ...lines].join('\n'),
    html: `<!doctype html><html><body style="font-family:sans-serif"><h1>${storeName} stock alert</h1><ul>${lines.map((l) => `<li>${l.replace(/[&<>]/g, '')}</li>`).join('')}</ul></body></html>`,
  }
}
