import type { Access } from 'payload'

import { isStaffUser } from './roles'

// For the customers collection: staff see all, a customer only their own record.
export const isStaffOrSelf: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  if (req.user?.collection === 'customers') return { id: { equals: req.user.id } }
  return false
}
