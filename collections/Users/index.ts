import type { CollectionConfig } from 'payload'

import { usersAccess } from '../../src/access/policies'
import { STAFF_ROLE_LABELS, STAFF_ROLES } from '../../src/access/roles'
import { env, forgotPasswordInterval } from '../../src/infra/env'
import { accountHooks } from '../auth'
import { canSetRoles } from './canSetRoles'
import { answerSecondFactor } from './hooks/answerSecondFactor'
import { auditLoginFailure } from './hooks/auditLoginFailure'
import { auditStaffChange, auditStaffDelete } from './hooks/auditStaffChange'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { requireSecondFactor } from './hooks/requireSecondFactor'
import { forgotPasswordEndpoint } from '../../src/endpoints/forgotPassword'
import { twoFactorEndpoints } from '../../src/endpoints/twoFactor'
import { twoFactorResetEndpoint } from '../../src/endpoints/twoFactorReset'

const staffAccountHooks = accountHooks('staff')

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
  hooks: {
    ...staffAccountHooks,
    beforeChange: [makeFirstUserAdmin],
    afterChange: [auditStaffChange],
    afterDelete: [auditStaffDelete],
    // The login delay is cleared by the password; the second factor is asked for after it.
    afterLogin: [...(staffAccountHooks.afterLogin ?? []), requireSecondFactor],
    afterOperation: [answerSecondFactor],
    afterError: [auditLoginFailure],
  },
  // Two-factor set-up, the login's second step and an admin's reset (docs/security/two-factor-and-audit.md).
  endpoints: [forgotPasswordEndpoint('users'), ...twoFactorEndpoints, twoFactorResetEndpoint],
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
    {
      name: 'twoFactorEnabled',
      label: 'Two-factor authentication',
      type: 'checkbox',
      defaultValue: false,
      // Set only by the two-factor endpoints; the panel below turns it on or off.
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, hidden: true },
    },
    {
      // The encrypted TOTP secret, hashed recovery codes and parked sessions: never readable or writable over the API.
      name: 'twoFactor',
      type: 'json',
      hidden: true,
      access: { read: () => false, create: () => false, update: () => false },
    },
    {
      name: 'twoFactorPanel',
      type: 'ui',
      admin: { components: { Field: '/src/admin/twoFactor/TwoFactorPanel#TwoFactorPanel' } },
    },
  ],
}
