import type { Access, Where } from 'payload'

import { hasScope, isCustomerUser } from './roles'

/**
 * Reviews (plugins/reviews): everyone reads approved reviews, a customer also their own in any state, staff all;
 * only customers write reviews (the plugin checks they bought the product), a customer edits or deletes only
 * their own; merchandisers, admins and keys with `catalogue:write` moderate and delete any.
 */
export const reviewsAccess: { read: Access; create: Access; update: Access; delete: Access } = {
  read: ({ req }) => {
    // Whoever moderates (catalogue:write) must see what waits for moderation.
    if (hasScope(req.user, 'catalogue:read') || hasScope(req.user, 'catalogue:write')) return true
    const approved: Where = { status: { equals: 'approved' } }
    return isCustomerUser(req.user) ? { or: [approved, { customer: { equals: req.user!.id } }] } : approved
  },
  create: ({ req }) => isCustomerUser(req.user),
  update: ({ req }) => (hasScope(req.user, 'catalogue:write') ? true : isCustomerUser(req.user) ? { customer: { equals: req.user!.id } } : false),
  delete: ({ req }) => (hasScope(req.user, 'catalogue:write') ? true : isCustomerUser(req.user) ? { customer: { equals: req.user!.id } } : false),
}
