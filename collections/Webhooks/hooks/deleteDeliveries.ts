import type { CollectionBeforeDeleteHook } from 'payload'

// A webhook's delivery log goes with it (deliveries must name their webhook); queued attempts then find nothing to send.
export const deleteDeliveries: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'webhook-deliveries', where: { webhook: { equals: id } }, overrideAccess: true, req })
}
