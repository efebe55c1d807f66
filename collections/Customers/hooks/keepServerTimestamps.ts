import type { CollectionBeforeChangeHook } from 'payload'

// When an account was created is the server's to say: a createdAt sent over REST or GraphQL is dropped, so the
// database adapter stamps the real time on create and keeps the stored one on update. The Local API (seeds) may set it.
export const keepServerTimestamps: CollectionBeforeChangeHook = ({ data, req }) => {
  if (req.payloadAPI === 'local') return data
  delete data.createdAt
  return data
}
