import type { Payload, TaskConfig } from 'payload'

import { logger, queryRows, sql } from '../kit'

export const SEND_TASK = 'sendBackInStockEmail'

/**
 * Closes the SKU's open subscriptions and queues one email per closed one. Each row is closed by one conditional
 * UPDATE, so two `stock.changed` events racing for the same rows queue each email once.
 */
export async function notifySubscribers(payload: Payload, sku: string, storefrontUrl: string): Promise<number> {
  const now = new Date().toISOString()
  const closed = await queryRows<{ email: string }>(
    payload,
    undefined,
    sql`UPDATE back_in_stock_subscriptions SET status = 'notified', notified_at = ${now} WHERE sku = ${sku} AND status = 'open' RETURNING email`,
  )
  for (const { email } of closed) {
    await payload.jobs.queue({ task: SEND_TASK as never, input: { email, sku, storefrontUrl } as never })
  }
  if (closed.length) logger().info({ sku, subscribers: closed.length }, 'Back-in-stock emails queued')
  return closed.length
}

export const sendBackInStockEmail: TaskConfig<{ input: { email: string; sku: string; storefrontUrl: string }; output: { sent: boolean } }> = {
  slug: SEND_TASK,
  label: 'Tell a shopper a SKU is back in stock',
  retries: 3,
  inputSchema: [
    { name: 'email', type: 'email', required: true },
    { name: 'sku', type: 'text', required: true },
    { name: 'storefrontUrl', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const row = (await req.payload.find({ collection: 'inventory', where: { sku: { equals: input.sku } }, limit: 1, depth: 1, overrideAccess: true })).docs[0]
    const product = row && typeof row.product === 'object' ? row.product : null
    const title = product?.title ?? input.sku
    const link = product?.slug ? `${input.storefrontUrl}/products/${product.slug}` : input.storefrontUrl
    await req.payload.sendEmail({
      to: input.email,
      subject: `Back in stock: ${title}`,
      text: `Good news: ${title}${row?.variantTitle ? ` (${row.variantTitle})` : ''} is back in stock (SKU ${input.sku}).\n\n${link}\n\nYou asked us to tell you once; this is the only email we will send about it.`,
    })
    return { output: { sent: true } }
  },
}
