import type { TaskConfig } from 'payload'

import { renderLowStockEmail } from '../../emails/lowStockEmail'
import { recordEmail } from '../../infra/metrics'
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
    await req.payload
      .sendEmail({ to: email.to, subject: email.subject, html: email.html, text: email.text })
      .then(() => recordEmail('low_stock_alert', true))
      .catch((err: unknown) => {
        recordEmail('low_stock_alert', false)
        throw err
      })
    return { output: { sent: true } }
  },
}
