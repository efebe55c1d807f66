import type { Payload, PayloadRequest } from 'payload'

import type { WebhookEvent } from '../../commerce/webhooks/events'

export const DELIVER_TASK = 'deliverWebhook'

/** Queues a delivery job; `waitUntil` holds a retry back. */
export async function queueDeliveryJob(payload: Payload, deliveryId: number | string, options: { req?: PayloadRequest; waitUntil?: Date } = {}) {
  await payload.jobs.queue({ task: DELIVER_TASK as never, input: { deliveryId: Number(deliveryId) } as never, req: options.req, waitUntil: options.waitUntil })
}

/**
 * One delivery (and its job) per active webhook subscribed to each event, written on `req`'s transaction: the
 * deliveries commit with the order, stock change or product save that caused them, or not at all.
 */
export async function queueWebhookEvents(payload: Payload, req: PayloadRequest | undefined, events: readonly WebhookEvent[]): Promise<number> {
  if (events.length === 0) return 0
  const hooks = await payload.find({
    collection: 'webhooks',
    where: { active: { equals: true } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { events: true },
  })
  let queued = 0
  for (const event of events) {
    for (const hook of hooks.docs.filter((h) => (h.events ?? []).includes(event.type))) {
      const delivery = await payload.create({
        collection: 'webhook-deliveries',
        data: { webhook: hook.id, event: event.type, payload: event.data, status: 'pending', attempts: 0 },
        depth: 0,
        overrideAccess: true,
        req,
      })
      await queueDeliveryJob(payload, delivery.id, { req })
      queued++
    }
  }
  return queued
}
