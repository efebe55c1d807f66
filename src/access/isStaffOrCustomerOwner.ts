import type { Access } from 'payload'

import { isCustomerUser, isStaffUser } from './roles'

/** For plugin collections holding a customer's documents: staff see all, a customer only those whose `field` is them. */
export const isStaffOrCustomerOwner =
  (field = 'customer'): Access =>
  ({ req }) => {
    if (isStaffUser(req.user)) return true
    if (isCustomerUser(req.user)) return { [field]: { equals: req.user!.id } }
    return false
  }

/** Staff or a signed-in customer. */
export const isSignedIn: Access = ({ req }) => isStaffUser(req.user) || isCustomerUser(req.user)
