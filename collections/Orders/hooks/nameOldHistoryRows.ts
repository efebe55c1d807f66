import type { FieldHook } from 'payload'

type Names = Map<string, Promise<string | null>>

// History written before names were kept has only the staff id: show that person's current name (or email) to staff.
export const nameOldHistoryRows: FieldHook = ({ value, siblingData, req }) => {
  const id = siblingData?.by
  if (value || !id || req.user?.collection !== 'users') return value
  const names = ((req.context.staffNames as Names | undefined) ??= new Map())
  if (!names.has(String(id))) {
    const lookup = req.payload
      .findByID({ collection: 'users', id: String(id), depth: 0, overrideAccess: true, disableErrors: true, req })
      .then((user) => (user ? user.name || user.email : null))
    names.set(String(id), lookup)
  }
  return names.get(String(id))
}
