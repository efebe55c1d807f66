import type { Payload, TaskConfig } from 'payload'

import { ORDER_EMAIL_KINDS, type OrderEmailKind } from '../../commerce/followUps'
import { renderOrderEmail } from '../../emails/orderEmail'
import { lookupTokenForOrder } from '../../infra/commerce/idempotency'
import { sendAndRecord } from '../../infra/mailer'
import { retryPolicy } from './retryPolicy'

// The guest's lookup link is rebuilt from the Idempotency-Key the order was placed with; the raw token is never stored.
async function lookupUrl(payload: Payload, storefrontUrl: string, orderId: number, orderNumber: string) {
  const token = await lookupTokenForOrder(payload, orderId)
  if (!token) return undefined
  return `${storefrontUrl}/orders/${encodeURIComponent(orderNumber)}?token=${encodeURIComponent(token)}`
}

type SendOrderEmail = TaskConfig<{ input: { orderId: number; kind: string }; output: { messageTo: string } }>

/** The order email task; links in the email point at the storefront at `storefrontUrl`. */
export const createSendOrderEmailTask = ({ storefrontUrl }: { storefrontUrl: string }): SendOrderEmail => ({
  slug: 'sendOrderEmail',
  label: 'Send an order email',
  retries: retryPolicy(),
  inputSchema: [
    { name: 'orderId', type: 'number', required: true },
    { name: 'kind', type: 'select', required: true, options: [...ORDER_EMAIL_KINDS] },
  ],
  outputSchema: [{ name: 'messageTo', type: 'text' }],
  handler: async ({ input, req }) => {
    const { payload } = req
    const order = await payload.findByID({ collection: 'orders', id: input.orderId, depth: 0, overrideAccess: true })
    const settings = await payload.findGlobal({ slug: 'store-settings', depth: 0 })
    const kind = input.kind as OrderEmailKind
    const email = renderOrderEmail(kind, {
      storeName: settings.storeName ?? 'Ipswich Retail',
      order: order as never,
      lookupUrl: kind === 'confirmation' ? await lookupUrl(payload, storefrontUrl, Number(order.id), order.orderNumber) : undefined,
    })
    await sendAndRecord(payload, `order_${kind}`, email)
    return { output: { messageTo: email.to } }
  },
})
