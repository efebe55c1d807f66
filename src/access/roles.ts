import type { PayloadRequest } from 'payload'

export type StaffRole = 'admin' | 'merchandiser'

type AuthUser = NonNullable<PayloadRequest['user']> & { roles?: StaffRole[] | null }

export function staffRoles(user: PayloadRequest['user'] | undefined | null): StaffRole[] {
  if (!user || user.collection !== 'users') return []
  return ((user as AuthUser).roles ?? []) as StaffRole[]
}

export const isAdminUser = (user: PayloadRequest['user'] | undefined | null): boolean => staffRoles(user).includes('admin')

export const isStaffUser = (user: PayloadRequest['user'] | undefined | null): boolean => staffRoles(user).length > 0

export const isCustomerUser = (user: PayloadRequest['user'] | undefined | null): boolean => user?.collection === 'customers'
