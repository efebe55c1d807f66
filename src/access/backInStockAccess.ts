import type { Access } from 'payload'

import { isStaffUser } from './roles'

/** Back-in-stock subscriptions (plugins/back-in-stock) hold shoppers' emails: staff only; shoppers subscribe through the plugin's endpoint. */
export const backInStockAccess: { read: Access; create: Access; update: Access; delete: Access } = {
  read: ({ req }) => isStaffUser(req.user),
  create: () => false,
  update: ({ req }) => isStaffUser(req.user),
  delete: ({ req }) => isStaffUser(req.user),
}
