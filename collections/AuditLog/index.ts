import type { CollectionConfig } from 'payload'

import { auditLogAccess } from '../../src/access/policies'
import { refuseAuditChanges } from './hooks/refuseAuditChanges'

// Append-only: rows are written by recordAudit (src/infra/audit.ts) and by nothing else; nobody, admins included,
// edits or deletes one, and the hook refuses it even to server code that overrides access.
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit entry', plural: 'Audit log' },
  admin: {
    group: 'Admin',
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'actorEmail', 'action', 'targetId', 'summary'],
    description:
      'What staff did: price and stock changes, order moves, customers, settings, roles, logins, API keys and two-factor. Nothing here can be changed or deleted.',
    disableCopyToLocale: true,
  },
  defaultSort: '-createdAt',
  access: auditLogAccess,
  hooks: { beforeOperation: [refuseAuditChanges] },
  fields: [
    { name: 'action', type: 'text', required: true, index: true, admin: { readOnly: true } },
    { name: 'summary', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'actorEmail', label: 'Actor', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'actorCollection', type: 'text', admin: { readOnly: true } },
    { name: 'actorId', type: 'text', admin: { readOnly: true } },
    {
      name: 'targetId',
      label: 'Target',
      type: 'text',
      index: true,
      admin: { readOnly: true, components: { Cell: '/collections/AuditLog/ui/AuditTargetCell#AuditTargetCell' } },
    },
    { name: 'targetCollection', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'targetEmail', type: 'text', admin: { readOnly: true } },
    // Payload's JSON editor loads its code from a CDN: the details are shown as text.
    { name: 'details', type: 'json', admin: { readOnly: true, components: { Field: '/collections/AuditLog/ui/AuditDetails#AuditDetails' } } },
  ],
  timestamps: true,
}
