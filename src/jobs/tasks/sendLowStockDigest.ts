import type { TaskConfig } from 'payload'

import { renderLowStockEmail } from '../../emails/lowStockEmail'
import { sendAndRecord } from '../../infra/mailer'
import { queryRows, sql } from '../../infra/sql'
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
    const rows = await queryRows<{ sku: string; available: number | string; low_stock_threshold: number | string }>(
      req.payload,
      undefined,
      sql`SELECT sku, available, low_stock_threshold FROM inventory WHERE available <= low_stock_threshold ORDER BY sku`,
    )
    const settings = await req.payload.findGlobal({ slug: 'store-settings', depth: 0 })
    const recipients = (settings.lowStockRecipients ?? []).map((r: { email: string }) => r.email).filter(Boolean)
    if (rows.length === 0 || recipients.length === 0) return { output: { skus: rows.length, sent: false } }
    const items = rows.map((r) => ({ sku: r.sku, available: Number(r.available), threshold: Number(r.low_stock_threshold) }))
    const email = renderLowStockEmail(settings.storeName ?? 'Ipswich Retail', recipients, items)
    await sendAndRecord(req.payload, 'low_stock_digest', email)
    return { output: { skus: rows.length, sent: true } }
  },
}
