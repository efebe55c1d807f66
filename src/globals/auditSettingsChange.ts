import type { GlobalAfterChangeHook } from 'payload'

import { changedFields, recordAudit } from '../infra/audit'

// Which store settings changed and who changed them (the values stay in the settings' own versions, if any).
export const auditSettingsChange: GlobalAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  if (context?.seed) return doc
  const fields = changedFields(previousDoc, doc).filter((f) => f !== 'globalType')
  if (fields.length === 0) return doc
  await recordAudit(req.payload, {
    action: 'settings.changed',
    target: { collection: 'store-settings', id: 'store-settings' },
    summary: `Store settings: changed ${fields.join(', ')}`,
    details: { fields },
    req,
  })
  return doc
}
