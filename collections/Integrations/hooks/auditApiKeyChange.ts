import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { recordAudit } from '../../../src/infra/audit'

// API keys created, rotated (a new key set) and revoked (unticked or deleted); never the key itself.
export const auditApiKeyChange: CollectionAfterChangeHook = async ({ doc, previousDoc, data, operation, req, context }) => {
  if (context?.seed) return doc
  const target = { collection: 'integrations', id: doc.id }
  const wasLive = previousDoc?.active !== false && previousDoc?.enableAPIKey !== false
  const isLive = doc.active !== false && doc.enableAPIKey !== false
  let action: string | null = null
  if (operation === 'create') action = 'api_key.created'
  else if (typeof data?.apiKey === 'string' && data.apiKey) action = 'api_key.rotated'
  else if (wasLive && !isLive) action = 'api_key.revoked'
  if (!action) return doc
  const verb = { 'api_key.created': 'created', 'api_key.rotated': 'rotated', 'api_key.revoked': 'revoked' }[action]
  await recordAudit(req.payload, { action, target, summary: `API key "${doc.name}" ${verb}`, details: { scopes: doc.scopes ?? [] }, req })
  return doc
}

export const auditApiKeyDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await recordAudit(req.payload, {
    action: 'api_key.revoked',
    target: { collection: 'integrations', id: doc.id },
    summary: `API key "${doc.name}" deleted`,
    req,
  })
  return doc
}
