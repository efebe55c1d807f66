import type { CollectionConfig } from 'payload'

import { integrationsAccess } from '../../src/access/policies'
import { SCOPE_LABELS, SCOPES, validateScopes } from '../../src/access/scopes'
import { handleRotateApiKey } from '../../src/endpoints/rotateApiKey'
import { auditApiKeyChange, auditApiKeyDelete } from './hooks/auditApiKeyChange'
import { dropKeyWhenRevoked } from './hooks/dropKeyWhenRevoked'

// An integration is a caller with an API key (`Authorization: integrations API-Key <key>`) and the scopes it was
// given. No password and no login: nobody can lock a key out by failing logins. docs/api-keys.md.
export const Integrations: CollectionConfig = {
  slug: 'integrations',
  labels: { singular: 'Integration', plural: 'Integrations' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'scopes', 'active', 'lastUsedAt'],
    group: 'Admin',
    description: 'API keys for other systems. A key has only the scopes ticked here; untick Active to revoke it.',
  },
  auth: { useAPIKey: true, disableLocalStrategy: true },
  access: integrationsAccess,
  hooks: { beforeChange: [dropKeyWhenRevoked], afterChange: [auditApiKeyChange], afterDelete: [auditApiKeyDelete] },
  endpoints: [{ path: '/:id/rotate', method: 'post', handler: handleRotateApiKey }],
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      // Text, not a select: GraphQL enum values cannot hold the ':' of a scope's name.
      name: 'scopes',
      type: 'text',
      hasMany: true,
      maxRows: SCOPES.length,
      validate: validateScopes,
      admin: { description: `Any of: ${SCOPES.map((s) => `${s} (${SCOPE_LABELS[s]})`).join('; ')}.` },
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      admin: { position: 'sidebar', description: 'Unticking revokes the key at once; a new key (rotate) brings it back.' },
    },
    { name: 'lastUsedAt', type: 'date', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'notes', type: 'textarea', maxLength: 2000 },
  ],
}
