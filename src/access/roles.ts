import type { PayloadRequest } from 'payload'

import { SCOPES, type Scope } from './scopes'

export const STAFF_ROLES = ['admin', 'merchandiser', 'fulfilment'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { admin: 'Admin', merchandiser: 'Merchandiser', fulfilment: 'Fulfilment' }

/**
 * The one policy table: what each staff role may do, in API-key scopes. The access functions ask `hasScope`, so a
 * role and a key with the same scopes have the same rights. Only admins manage staff and integrations.
 */
export const ROLE_SCOPES: Record<StaffRole, readonly Scope[]> = {
  admin: SCOPES,
  // The catalogue and its stock, and no customer's personal data (no customers, no orders).
  merchandiser: ['catalogue:read', 'catalogue:write', 'inventory:write'],
  // Orders (with the addresses they ship to) and stock.
  fulfilment: ['catalogue:read', 'orders:read', 'orders:write', 'inventory:write'],
}

type AuthUser = NonNullable<PayloadRequest['user']> & { roles?: StaffRole[] | null; scopes?: Scope[] | null; active?: boolean | null }
type MaybeUser = PayloadRequest['user'] | undefined | null

export function staffRoles(user: MaybeUser): StaffRole[] {
  if (!user || user.collection !== 'users') return []
  return ((user as AuthUser).roles ?? []).filter((role) => (STAFF_ROLES as readonly string[]).includes(role))
}

export const isAdminUser = (user: MaybeUser): boolean => staffRoles(user).includes('admin')

export const isStaffUser = (user: MaybeUser): boolean => staffRoles(user).length > 0

export const isCustomerUser = (user: MaybeUser): boolean => user?.collection === 'customers'

export const isIntegration = (user: MaybeUser): boolean => user?.collection === 'integrations'

/** The scopes this caller holds: a staff member's roles' scopes, an active integration's own, nobody else any. */
export function scopesOf(user: MaybeUser): Scope[] {
  if (!user) return []
  if (user.collection === 'users') return [...new Set(staffRoles(user).flatMap((role) => ROLE_SCOPES[role]))]
  if (user.collection === 'integrations') {
    const integration = user as AuthUser
    return integration.active === false ? [] : (integration.scopes ?? []).filter((s) => (SCOPES as readonly string[]).includes(s))
  }
  return []
}

/** True when the caller (staff member or API key) holds `scope`. */
export const hasScope = (user: MaybeUser, scope: Scope): boolean => scopesOf(user).includes(scope)
