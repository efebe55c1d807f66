import type { CollectionBeforeChangeHook } from 'payload'

// Revoking forgets the key itself (its index too), so the old value can never match again, even if re-activated.
export const dropKeyWhenRevoked: CollectionBeforeChangeHook = ({ data }) => {
  if (data.active !== false) return data
  return { ...data, enableAPIKey: false, apiKey: null, apiKeyIndex: null }
}
