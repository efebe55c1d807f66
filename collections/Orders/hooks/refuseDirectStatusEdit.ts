import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

// Status changes only through the transition workflow; a direct edit is refused by name.
export const refuseDirectStatusEdit: CollectionBeforeValidateHook = ({ data, operation, originalDoc, req, context }) => {
  if (context?.workflowWrite || operation !== 'update' || !data) return data
  if ('status' in data && data.status !== originalDoc?.status) {
    throw new ValidationError({
      collection: 'orders',
      errors: [{ path: 'status', message: 'status changes only through POST /api/orders/:id/transition' }],
      req,
    })
  }
  return data
}
