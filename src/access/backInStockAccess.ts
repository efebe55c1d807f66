import type { Access } from 'payload'

import { hasScope } from './roles'

/**
 * Back-in-stock subscriptions (plugins/back-in-stock) hold shoppers' emails: customer personal data, so `customers:read`
 * (admins, keys with that scope) reads and tidies them; shoppers subscribe through the plugin's endpoint.
 */
export const backInStockAccess: { read: Access; create: Access; update: Access; delete: Access } = {
  read: ({ req }) => hasScope(req.user, 'customers:read'),
  create: () => false,
  update: ({ req }) => hasScope(req.user, 'customers:read'),
  delete: ({ req }) => hasScope(req.user, 'customers:read'),
}
