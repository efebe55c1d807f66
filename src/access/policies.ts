import type { Access, CollectionConfig, FieldAccess, Where } from 'payload'

import { anyone } from './anyone'
import { can, canAny, canAnyField, canField } from './can'
import { hasScope, isAdminUser } from './roles'
import { nobody } from './nobody'

// One access policy per collection, each decision in scopes (src/access/roles.ts maps staff roles onto them), so
// staff and API keys are judged by the same functions over REST, GraphQL and the custom endpoints.
// tests/int/accessMatrix.int.spec.ts holds the whole table.

type CollectionAccess = NonNullable<CollectionConfig['access']>

export const isAdminAccess: Access = ({ req }) => isAdminUser(req.user)

/** Products: the public reads published ones; catalogue readers see drafts and versions; catalogue writers edit. */
export const productsAccess: CollectionAccess = {
  read: ({ req }) => (hasScope(req.user, 'catalogue:read') ? true : { _status: { equals: 'published' } }),
  readVersions: can('catalogue:read'),
  create: can('catalogue:write'),
  update: can('catalogue:write'),
  delete: can('catalogue:write'),
}

/** Categories and media: public reads, catalogue writers edit. */
export const catalogueAccess: CollectionAccess = {
  read: anyone,
  create: can('catalogue:write'),
  update: can('catalogue:write'),
  delete: can('catalogue:write'),
}

/** Inventory: the public reads what is available; stock writers create rows and thresholds; only admins delete. */
export const inventoryAccess: CollectionAccess = {
  // A draft product's stock row (and so its title, by `where[product.title]`) is for staff only (issue 18).
  read: ({ req }) =>
    hasScope(req.user, 'catalogue:read') || hasScope(req.user, 'inventory:write')
      ? true
      : ({ or: [{ 'product._status': { equals: 'published' } }, { product: { exists: false } }] } as Where),
  create: can('inventory:write'),
  update: can('inventory:write'),
  delete: isAdminAccess,
}

/** Thresholds and stock status: for those who look after the catalogue or its stock. */
export const stockStaffField: FieldAccess = canAnyField('catalogue:read', 'inventory:write')

/** The stock ledger: read by catalogue readers and stock writers, written only by workflows. */
export const stockMovementsAccess: CollectionAccess = {
  read: canAny('catalogue:read', 'inventory:write'),
  create: nobody,
  update: nobody,
  delete: nobody,
}

/** Orders: order readers see all (addresses and email included), a customer their own; writes go through workflows. */
export const ordersAccess: CollectionAccess = {
  read: ({ req }) => {
    if (hasScope(req.user, 'orders:read')) return true
    if (req.user?.collection === 'customers') return { customer: { equals: req.user.id } }
    return false
  },
  create: nobody,
  update: can('orders:write'),
  delete: isAdminAccess,
}

/** Payment references and staff notes on an order. */
export const orderStaffField: FieldAccess = canField('orders:read')
export const orderNotesUpdateField: FieldAccess = canField('orders:write')

/**
 * Customers: customer readers see all, a customer their own record; only admins and the customer edit it. Shoppers
 * register through `POST /api/customers` (collections/Customers/endpoints/register.ts), which answers alike whether or
 * not the email is taken; Payload's own create (GraphQL `createCustomer`) is for admins.
 */
export const customersAccess: CollectionAccess = {
  admin: () => false,
  create: isAdminAccess,
  read: ({ req }) => {
    if (hasScope(req.user, 'customers:read')) return true
    if (req.user?.collection === 'customers') return { id: { equals: req.user.id } }
    return false
  },
  update: ({ req }) => {
    if (isAdminUser(req.user)) return true
    if (req.user?.collection === 'customers') return { id: { equals: req.user.id } }
    return false
  },
  delete: isAdminAccess,
  unlock: isAdminAccess,
}

/** Staff accounts: admins manage all, anyone else on staff only themself; only admins unlock one. */
export const usersAccess: CollectionAccess = {
  admin: ({ req }) => req.user?.collection === 'users',
  create: isAdminAccess,
  read: ({ req }) => (isAdminUser(req.user) ? true : req.user?.collection === 'users' ? { id: { equals: req.user.id } } : false),
  update: ({ req }) => (isAdminUser(req.user) ? true : req.user?.collection === 'users' ? { id: { equals: req.user.id } } : false),
  delete: isAdminAccess,
  unlock: isAdminAccess,
}

/** API keys: only admins see or manage them. */
export const integrationsAccess: CollectionAccess = {
  admin: () => false,
  create: isAdminAccess,
  read: isAdminAccess,
  update: isAdminAccess,
  delete: isAdminAccess,
  unlock: isAdminAccess,
}

/** Idempotency claims: admins may look, nobody writes but the workflows. */
export const idempotencyKeysAccess: CollectionAccess = { read: isAdminAccess, create: nobody, update: nobody, delete: nobody }

/** CSV imports: catalogue writers read and delete their records; only the import endpoints and job write them. */
export const importsAccess: CollectionAccess = { read: can('catalogue:write'), create: nobody, update: nobody, delete: can('catalogue:write') }

/** The audit log: admins read it; nobody writes it but recordAudit (src/infra/audit.ts), and nobody changes it. */
export const auditLogAccess: CollectionAccess = { read: isAdminAccess, create: nobody, update: nobody, delete: nobody }
