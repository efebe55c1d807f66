import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, Payload, PayloadRequest } from 'payload'

import { productWebhookEvent } from '../../../src/commerce/webhooks/events'
import { queueWebhookEvents } from '../../../src/infra/webhooks/queue'

const wasLiveKey = (id: unknown) => `webhooks.productWasLive.${String(id)}`

// The live product is the main row; a draft save writes only a version, so the row says what the world sees.
async function isLive(payload: Payload, req: PayloadRequest, id: number | string): Promise<boolean> {
  const row = await payload.db.findOne<{ id: number | string; _status?: string | null }>({ collection: 'products', where: { id: { equals: id } }, req })
  return row?._status === 'published'
}

export const rememberProductWasLive: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc?.id !== undefined && !req.context.seed) {
    req.context[wasLiveKey(originalDoc.id)] = await isLive(req.payload, req, originalDoc.id)
  }
  return data
}

// product.published / updated / unpublished, queued on the save's transaction (docs/webhooks.md).
export const queueProductWebhooks: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (req.context.seed) return doc
  const wasLive = operation === 'update' && req.context[wasLiveKey(doc.id)] === true
  const type = productWebhookEvent({ wasLive, isLive: await isLive(req.payload, req, doc.id), savedStatus: doc._status })
  if (type) {
    const data = { id: doc.id, slug: doc.slug, title: doc.title, sku: doc.sku ?? null, price: doc.price, status: doc._status, updatedAt: doc.updatedAt }
    await queueWebhookEvents(req.payload, req, [{ type, data }])
  }
  return doc
}
