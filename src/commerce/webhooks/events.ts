import type { CommerceEvent } from '../events'

/** Every event a webhook can subscribe to; the collection's options and the docs read this list. */
export const WEBHOOK_EVENTS = [
  'order.placed',
  'order.transitioned',
  'stock.changed',
  'stock.low',
  'product.published',
  'product.updated',
  'product.unpublished',
] as const
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number]

export const isWebhookEvent = (value: unknown): value is WebhookEventType => (WEBHOOK_EVENTS as readonly unknown[]).includes(value)

export type WebhookEvent = { type: WebhookEventType; data: Record<string, unknown> }

/** The commerce events integrators receive, with the same payloads the CMS's own subscribers see. */
export function webhookEventsFor(events: readonly CommerceEvent[]): WebhookEvent[] {
  // An import's own summary event is for the CMS's caches; integrators hear of its products and stock one by one.
  return events.flatMap((event) => (isWebhookEvent(event.type) ? [{ type: event.type, data: { ...event.payload } }] : []))
}

/** What a product save means to the outside: published for the first time or again, changed while live, or taken down. */
export function productWebhookEvent(change: { wasLive: boolean; isLive: boolean; savedStatus: string | null | undefined }): WebhookEventType | null {
  if (!change.wasLive && change.isLive) return 'product.published'
  if (change.wasLive && !change.isLive) return 'product.unpublished'
  // A draft saved over a live product leaves the live one as it was.
  if (change.wasLive && change.isLive && change.savedStatus === 'published') return 'product.updated'
  return null
}
