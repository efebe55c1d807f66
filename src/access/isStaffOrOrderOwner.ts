import type { Access } from 'payload'

import { isStaffUser } from './roles'

// Orders: staff see all, a customer only orders placed on their account.
export const isStaffOrOrderOwner: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  if (req.user?.collection === 'customers') return { customer: { equals: req.user.id } }
  return false
}
