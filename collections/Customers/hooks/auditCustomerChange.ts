import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { isCustomerUser } from '../../../src/access/roles'
import { changedFields, recordAudit } from '../../../src/infra/audit'

// Changes made to a customer by someone else (staff or an API key); a customer's own edits and sign-ups are theirs.
export const auditCustomerChange: CollectionAfterChangeHook = async ({ doc, previousDoc, data, operation, req, context }) => {
  if (!req.user || isCustomerUser(req.user) || context?.seed) return doc
  const fields = changedFields(operation === 'create' ? {} : previousDoc, doc)
  if (typeof data?.password === 'string') fields.push('password')
  if (operation === 'update' && fields.length === 0) return doc
  await recordAudit(req.payload, {
    action: operation === 'create' ? 'customer.created' : 'customer.changed',
    target: { collection: 'customers', id: doc.id, email: doc.email },
    summary: `Customer ${doc.email}: ${operation === 'create' ? 'created' : `changed ${fields.join(', ')}`}`,
    details: { fields },
    req,
  })
  return doc
}

export const auditCustomerDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (!req.user || isCustomerUser(req.user)) return doc
  await recordAudit(req.payload, {
    action: 'customer.deleted',
    target: { collection: 'customers', id: doc.id, email: doc.email },
    summary: `Customer ${doc.email} deleted`,
    req,
  })
  return doc
}
