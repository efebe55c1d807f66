import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { isAdminUser } from '../../src/access/roles'

/**
 * Only the account's owner or an admin changes its email or password; other staff send a reset link instead
 * (`POST /api/<collection>/forgot-password`). Internal writes (Local API with overrideAccess) are not judged here.
 */
export const guardAccountChanges: CollectionBeforeOperationHook = async ({ args, operation, req, collection, overrideAccess }) => {
  if (operation !== 'update' || overrideAccess) return
  const { data, id } = args as { data?: Record<string, unknown>; id?: number | string }
  const changesPassword = typeof data?.password === 'string' && data.password !== ''
  if (!changesPassword && data?.email === undefined) return
  if (isAdminUser(req.user)) return
  const own = req.user?.collection === collection.slug && id !== undefined && String(id) === String(req.user.id)
  if (own) return
  if (!changesPassword && id !== undefined) {
    // The admin form sends the whole document back: an unchanged email is not a change.
    const current = await req.payload.db.findOne<{ id: number | string; email?: string }>({ collection: collection.slug, where: { id: { equals: id } }, req })
    if (current && String(current.email).toLowerCase() === String(data?.email).trim().toLowerCase()) return
  }
  throw new APIError('Only the account holder or an admin can change its email or password; send them a password reset link instead.', 403, undefined, true)
}
