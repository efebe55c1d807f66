import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { recordAudit } from '../../../src/infra/audit'

const rolesText = (roles: unknown) => (Array.isArray(roles) && roles.length > 0 ? [...roles].sort().join(', ') : 'none')

// New staff accounts and role changes (who gets which rights), on the change's own transaction.
export const auditStaffChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (context?.seed) return doc
  const target = { collection: 'users', id: doc.id, email: doc.email }
  if (operation === 'create') {
    await recordAudit(req.payload, {
      action: 'user.created',
      target,
      summary: `Staff account ${doc.email} created (${rolesText(doc.roles)})`,
      details: { roles: doc.roles ?? [] },
      req,
    })
  } else if (rolesText(previousDoc?.roles) !== rolesText(doc.roles)) {
    await recordAudit(req.payload, {
      action: 'user.roles_changed',
      target,
      summary: `${doc.email}: ${rolesText(previousDoc?.roles)} → ${rolesText(doc.roles)}`,
      details: { from: previousDoc?.roles ?? [], to: doc.roles ?? [] },
      req,
    })
  }
  return doc
}

export const auditStaffDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await recordAudit(req.payload, {
    action: 'user.deleted',
    target: { collection: 'users', id: doc.id, email: doc.email },
    summary: `Staff account ${doc.email} deleted`,
    req,
  })
  return doc
}
