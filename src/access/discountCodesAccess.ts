import type { Access } from 'payload'

import { isStaffUser } from './roles'

// Discount codes are the merchandisers' and admins' business: staff read and write them, nobody else sees them
// (a shopper learns only whether the code they typed works, through the quote and checkout).
export const canManageDiscountCodes: Access = ({ req }) => isStaffUser(req.user)

// Redemptions are written only by the checkout (overrideAccess); staff read them.
export const canReadDiscountRedemptions: Access = ({ req }) => isStaffUser(req.user)
