import type { CollectionConfig } from 'payload'

import { usersAccess } from '../../src/access/policies'
import { STAFF_ROLE_LABELS, STAFF_ROLES } from '../../src/access/roles'
import { env, forgotPasswordInterval } from '../../src/infra/env'
import { accountHooks } from '../auth'
import { canSetRoles } from './canSetRoles'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Staff member', plural: 'Staff' },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles'], group: 'Admin' },
  auth: {
    maxLoginAttempts: 0,
    tokenExpiration: 60 * 60 * 8,
    forgotPassword: { minRequestInterval: forgotPasswordInterval() },
    cookies: { sameSite: 'Lax', secure: env().strict },
  },
  access: usersAccess,
  hooks: { ...accountHooks('staff'), beforeChange: [makeFirstUserAdmin] },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      defaultValue: ['merchandiser'],
      options: STAFF_ROLES.map((value) => ({ label: STAFF_ROLE_LABELS[value], value })),
      admin: { description: 'Admin: everything. Merchandiser: catalogue and stock, no customers or orders. Fulfilment: orders and stock.' },
      saveToJWT: true,
      access: { create: canSetRoles, update: canSetRoles },
    },
  ],
}
