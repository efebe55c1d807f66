import type { CollectionBeforeChangeHook } from 'payload'

// The failure count and the reason a webhook was switched off are the delivery job's to write; switching a webhook
// back on starts the count afresh.
export const keepDeliveryState: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (req.context.webhookInternal) return data
  if (operation === 'create') return { ...data, consecutiveFailures: 0, disabledReason: null }
  const reactivated = data.active === true && originalDoc?.active === false
  return {
    ...data,
    consecutiveFailures: reactivated ? 0 : originalDoc?.consecutiveFailures,
    disabledReason: reactivated ? null : originalDoc?.disabledReason,
  }
}
