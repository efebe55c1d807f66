import type { CollectionAfterOperationHook, FieldHook } from 'payload'

import { generateWebhookSecret } from '../../../src/commerce/webhooks/signature'

// The secret is always made here, never taken from the request; it cannot be changed afterwards.
export const generateSecret: FieldHook = ({ operation, originalDoc, req }) => {
  if (operation !== 'create') return originalDoc?.secret
  const secret = generateWebhookSecret()
  req.context.webhookSecret = secret
  return secret
}

// Whoever creates a webhook gets its secret once, in the answer to the create, even if they may not read it later.
export const revealSecretOnCreate: CollectionAfterOperationHook = ({ operation, req, result }) => {
  if (operation !== 'create' || typeof req.context.webhookSecret !== 'string' || !result || typeof result !== 'object') return result
  return { ...result, secret: req.context.webhookSecret }
}
