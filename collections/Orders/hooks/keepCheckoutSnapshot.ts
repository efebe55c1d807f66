import type { CollectionBeforeChangeHook } from 'payload'

const SNAPSHOT_FIELDS = ['orderNumber', 'customer', 'email', 'lines', 'totals', 'statusHistory', 'payment', 'lookupTokenHash', 'reservationExpiresAt']

// What checkout recorded stays as recorded: staff edits may touch notes and fulfilment, not the snapshot.
export const keepCheckoutSnapshot: CollectionBeforeChangeHook = ({ data, operation, originalDoc, context }) => {
  if (context?.workflowWrite || operation !== 'update' || !originalDoc) return data
  for (const field of SNAPSHOT_FIELDS) {
    if (field in originalDoc) data[field] = originalDoc[field]
  }
  return data
}
