import type { TaskConfig } from 'payload'

import { sendAndRecord } from '../../infra/mailer'
import { lowStockEmail } from './lowStockEmail'
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
    const email = await lowStockEmail(req.payload, [{ sku: input.sku, available: input.available, threshold: input.threshold }])
    if (!email) return { output: { sent: false } }
    await sendAndRecord(req.payload, 'low_stock_alert', email)
    return { output: { sent: true } }
  },
}
