import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { isAdminOrSelf } from '../../src/access/isAdminOrSelf'
import { env, forgotPasswordInterval } from '../../src/infra/env'
import { canSetRoles } from './canSetRoles'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Staff member', plural: 'Staff' },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles'], group: 'Admin' },
  auth: {
    maxLoginAttempts: env().LOGIN_MAX_ATTEMPTS,
    lockTime: env().LOGIN_LOCK_MINUTES * 60 * 1000,
    tokenExpiration: 60 * 60 * 8,
    forgotPassword: { minRequestInterval: forgotPasswordInterval() },
    cookies: { sameSite: 'Lax', secure: env().strict },
  },
  access: {
    admin: ({ req }) => req.user?.collection === 'users',
    create: isAdmin,
    read: isAdminOrSelf,
    update: isAdminOrSelf,
    delete: isAdmin,
  },
  hooks: { beforeChange: [makeFirstUserAdmin] },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      defaultValue: ['merchandiser'],
      options: [
        { label: 'Admin', value: 'admin' },
        { label: 'Merchandiser', value: 'merchandiser' },
      ],
      saveToJWT: true,
      access: { create: canSetRoles, update: canSetRoles },
    },
  ],
}
