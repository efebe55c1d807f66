import type { Payload, TaskConfig } from 'payload'

import { ORDER_EMAIL_KINDS, type OrderEmailKind } from '../../commerce/followUps'
import { renderOrderEmail } from '../../emails/orderEmail'
import { lookupTokenForOrder } from '../../infra/commerce/idempotency'
import { imagesOnly, productPicturesBySku } from '../../infra/emailPictures'
import { env } from '../../infra/env'
import { sendAndRecord, stableMessageId } from '../../infra/mailer'
import { retryPolicy } from './retryPolicy'

// The guest's lookup token is rebuilt from the Idempotency-Key the order was placed with; the raw token is never stored.
// Once the key is cleaned up the link is the plain order page, which a signed-in customer can open.
async function lookupToken(payload: Payload, orderId: number) {
  return (await lookupTokenForOrder(payload, orderId)) ?? null
}

type SendOrderEmail = TaskConfig<{ input: { orderId: number; kind: string }; output: { messageTo: string } }>

/** The order email task; links and pictures in the email point at the storefront at `storefrontUrl`. */
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
    const settings = await payload.findGlobal({ slug: 'store-settings', depth: 0, overrideAccess: true })
    const pictures = await productPicturesBySku(
      payload,
      order.lines.map((l) => l.sku),
      storefrontUrl,
    )
    const email = await renderOrderEmail(input.kind as OrderEmailKind, {
      storeName: settings.storeName ?? 'Ipswich Retail',
      order: order as never,
      context: { storefrontUrl, lookupToken: await lookupToken(payload, Number(order.id)), carriers: settings.carriers, images: imagesOnly(pictures) },
    })
    // The order's creation time too: order numbers start again in a new database (a reset demo, a test), and the
    // sent record (src/infra/mailer.ts) must not take a new order's email for an old one's.
    const messageId = stableMessageId([String(order.orderNumber), input.kind, Date.parse(order.createdAt)], env().MAIL_FROM)
    await sendAndRecord(payload, `order_${input.kind as OrderEmailKind}`, email, messageId)
    return { output: { messageTo: email.to } }
  },
})
