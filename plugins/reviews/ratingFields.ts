import type { Field, FieldHook } from 'payload'

// Only the reviews plugin's SQL (refreshRating) writes these; a product save keeps what is stored.
const keepStored =
  (name: 'average' | 'count'): FieldHook =>
  ({ originalDoc, value }) => {
    const stored = (originalDoc as { rating?: Record<string, unknown> } | undefined)?.rating?.[name]
    return stored ?? (name === 'count' ? (value ?? 0) : (value ?? null))
  }

/** The product's rating: average (2 decimals) and count of its approved reviews. */
export const ratingFields: Field[] = [
  {
    name: 'rating',
    type: 'group',
    admin: { position: 'sidebar', readOnly: true, description: 'From approved reviews (plugins/reviews).' },
    fields: [
      { name: 'average', type: 'number', admin: { readOnly: true }, hooks: { beforeChange: [keepStored('average')] } },
      { name: 'count', type: 'number', defaultValue: 0, admin: { readOnly: true }, hooks: { beforeChange: [keepStored('count')] } },
    ],
  },
]
