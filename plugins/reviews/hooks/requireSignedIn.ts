import { APIError, type CollectionBeforeOperationHook } from 'payload'

/** An anonymous review is a 401 that says to sign in (Payload's own refusal would be a 403). */
export const requireSignedIn: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' && !req.user && !(args as { overrideAccess?: boolean }).overrideAccess) {
    throw new APIError('Sign in as a customer to write a review', 401)
  }
  return args
}
