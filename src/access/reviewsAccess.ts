import type { Access, Where } from 'payload'

import { isCustomerUser, isStaffUser } from './roles'

/**
 * Reviews (plugins/reviews): everyone reads approved reviews, a customer also their own in any state, staff all;
 * only customers write reviews (the plugin checks they bought the product), a customer edits or deletes only
 * their own, staff moderate and delete any.
 */
export const reviewsAccess: { read: Access; create: Access; update: Access; delete: Access } = {
  read: ({ req }) => {
    if (isStaffUser(req.user)) return true
    const approved: Where = { status: { equals: 'approved' } }
    return isCustomerUser(req.user) ? { or: [approved, { customer: { equals: req.user!.id } }] } : approved
  },
  create: ({ req }) => isCustomerUser(req.user),
  update: ({ req }) => (isStaffUser(req.user) ? true : isCustomerUser(req.user) ? { customer: { equals: req.user!.id } } : false),
  delete: ({ req }) => (isStaffUser(req.user) ? true : isCustomerUser(req.user) ? { customer: { equals: req.user!.id } } : false),
}
