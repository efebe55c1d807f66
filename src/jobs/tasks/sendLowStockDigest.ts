import type { TaskConfig } from 'payload'

import { sendAndRecord } from '../../infra/mailer'
import { findLowStock } from '../../infra/stock'
import { lowStockEmail } from './lowStockEmail'
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
    if (items.length === 0) return { output: { skus: 0, sent: false } }
    const email = await lowStockEmail(req.payload, items)
    if (!email) return { output: { skus: items.length, sent: false } }
    await sendAndRecord(req.payload, 'low_stock_digest', email)
    return { output: { skus: items.length, sent: true } }
  },
}
