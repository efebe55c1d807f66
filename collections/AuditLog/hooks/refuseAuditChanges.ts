import { APIError, type CollectionBeforeOperationHook } from 'payload'

// Access already refuses these to every caller; this also stops server code that passes overrideAccess.
export const refuseAuditChanges: CollectionBeforeOperationHook = ({ operation, args }) => {
  if (operation === 'update' || operation === 'updateByID' || operation === 'delete' || operation === 'deleteByID')
    throw new APIError('The audit log is append-only: entries cannot be changed or deleted', 403)
  return args
}
