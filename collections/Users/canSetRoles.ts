import type { FieldAccess } from 'payload'

import { isAdminUser } from '../../src/access/roles'

// Only an admin assigns roles, and never to themself: nobody raises their own role.
export const canSetRoles: FieldAccess = ({ req, id }) => {
  if (!isAdminUser(req.user)) return false
  return id === undefined || String(id) !== String(req.user?.id)
}
