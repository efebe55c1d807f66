import type { CollectionBeforeChangeHook } from 'payload'

// The very first staff account can do everything; later accounts get the roles an admin gives them.
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req, context }) => {
  // The seeder names roles itself: its demo merchandiser must stay a merchandiser even when it is the first account.
  if (operation !== 'create' || context?.seed) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  if (!data.roles || data.roles.length === 0) return { ...data, roles: ['merchandiser'] }
  return data
}
