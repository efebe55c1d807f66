import type { Payload, PayloadRequest } from 'payload'

import type { WebhookEvent } from '../../commerce/webhooks/events'
import { queryRows, sql } from '../sql'

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
  const subscribed = await activeSubscribers(payload, req, [...new Set(events.map((e) => e.type))])
  let queued = 0
  for (const event of events) {
    for (const webhook of subscribed.get(event.type) ?? []) {
      const delivery = await payload.create({
        collection: 'webhook-deliveries',
        data: { webhook, event: event.type, payload: event.data, status: 'pending', attempts: 0 },
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

/**
 * The active webhooks subscribed to each of `types`, newest first, in one plain SELECT on `req`'s transaction (every
 * checkout asks, and most shops have none: a Local API find cost more than the answer).
 */
async function activeSubscribers(payload: Payload, req: PayloadRequest | undefined, types: string[]): Promise<Map<string, number[]>> {
  const rows = await queryRows<{ id: number | string; event: string }>(
    payload,
    req,
    sql`SELECT w.id AS id, e.value AS event FROM webhooks w JOIN webhooks_events e ON e.parent_id = w.id
        WHERE w.active = true AND CAST(e.value AS TEXT) IN (${sql.join(
          types.map((t) => sql`${t}`),
          sql`, `,
        )})
        ORDER BY w.created_at DESC, w.id DESC`,
  )
  const byType = new Map<string, number[]>()
  for (const row of rows) byType.set(row.event, [...(byType.get(row.event) ?? []), Number(row.id)])
  return byType
}
