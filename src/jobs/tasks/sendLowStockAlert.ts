import type { TaskConfig } from 'payload'

import { renderLowStockEmail } from '../../emails/lowStockEmail'
import { sendAndRecord } from '../../infra/mailer'
import { retryPolicy } from './retryPolicy'

export const sendLowStockAlert: TaskConfig<{ input: { sku: string; available: number; threshold: number }; output: { sent: boolean } }> = {
  slug: 'sendLowStockAlert',
  label: 'Alert staff that a SKU is low on stock',
  retries: retryPolicy(),
  inputSchema: [
    { name: 'sku', type: 'text', required: true },
    { name: 'available', type: 'number', required: true },
    { name: 'threshold', type: 'number', required: true },
  ],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const settings = await req.payload.findGlobal({ slug: 'store-settings', depth: 0 })
    const recipients = (settings.lowStockRecipients ?? []).map((r: { email: string }) => r.email).filter(Boolean)
    if (recipients.length === 0) return { output: { sent: false } }
    const email = renderLowStockEmail(settings.storeName ?? 'Ipswich Retail', recipients, [input])
    await sendAndRecord(req.payload, 'low_stock_alert', email)
    return { output: { sent: true } }
  },
}
