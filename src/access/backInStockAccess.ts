import type { Access } from 'payload'

import { hasScope, isAdminUser } from './roles'

/**
 * Back-in-stock subscriptions (plugins/back-in-stock) hold shoppers' emails: customer personal data, so `customers:read`
 * (admins, keys with that scope) reads them and only admins change or delete them; shoppers subscribe through the
 * plugin's endpoint.
 */
export const backInStockAccess: { read: Access; create: Access; update: Access; delete: Access } = {
  read: ({ req }) => hasScope(req.user, 'customers:read'),
  create: () => false,
  update: ({ req }) => isAdminUser(req.user),
  delete: ({ req }) => isAdminUser(req.user),
}
