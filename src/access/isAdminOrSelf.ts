import type { Access } from 'payload'

import { isAdminUser } from './roles'

// For the users collection: admins see all staff, a merchandiser only themself.
export const isAdminOrSelf: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  if (req.user?.collection === 'users') return { id: { equals: req.user.id } }
  return false
}
