import type { TaskConfig } from 'payload'

import { renderLowStockEmail } from '../../emails/lowStockEmail'
import { sendAndRecord } from '../../infra/mailer'
import { findLowStock } from '../../infra/stock'
import { retryPolicy } from './retryPolicy'

// The morning list of every SKU at or below its threshold, for the store's low-stock recipients.
export const sendLowStockDigest: TaskConfig<{ input: Record<string, never>; output: { skus: number; sent: boolean } }> = {
  slug: 'sendLowStockDigest',
  label: 'Email the daily low-stock digest',
  retries: retryPolicy(),
  outputSchema: [
    { name: 'skus', type: 'number' },
    { name: 'sent', type: 'checkbox' },
  ],
  handler: async ({ req }) => {
    const items = await findLowStock(req.payload)
    const settings = await req.payload.findGlobal({ slug: 'store-settings', depth: 0 })
    const recipients = (settings.lowStockRecipients ?? []).map((r: { email: string }) => r.email).filter(Boolean)
    if (items.length === 0 || recipients.length === 0) return { output: { skus: items.length, sent: false } }
    const email = renderLowStockEmail(settings.storeName ?? 'Ipswich Retail', recipients, items)
    await sendAndRecord(req.payload, 'low_stock_digest', email)
    return { output: { skus: items.length, sent: true } }
  },
}
