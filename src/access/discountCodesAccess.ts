import type { Access } from 'payload'

import { hasScope } from './roles'

// Discount codes are catalogue business: merchandisers, admins and API keys with `catalogue:write` read and write them,
// nobody else sees them (a shopper learns only whether the code they typed works, through the quote and checkout).
export const canManageDiscountCodes: Access = ({ req }) => hasScope(req.user, 'catalogue:write')

// Redemptions name the shopper (email, account): written only by the checkout (overrideAccess), read with orders:read.
export const canReadDiscountRedemptions: Access = ({ req }) => hasScope(req.user, 'orders:read')
