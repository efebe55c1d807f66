import type { CollectionConfig, FieldHook } from 'payload'

import { reviewsAccess } from '../../src/access/reviewsAccess'
import { isStaffUser } from '../kit'
import { checkEligibility } from './hooks/checkEligibility'
import { refreshRatingAfterChange, refreshRatingAfterDelete } from './hooks/refreshRating'
import { requireSignedIn } from './hooks/requireSignedIn'
import type { ReviewsSettings } from './options'

export const REVIEWS_SLUG = 'reviews'
export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const

// The author is whoever is signed in when the review is written; nobody can change it afterwards.
const setAuthor: FieldHook = ({ req, operation, originalDoc, value }) => {
  if (operation === 'create') return req.user?.collection === 'customers' ? req.user.id : value
  return (originalDoc as { customer?: unknown } | undefined)?.customer ?? value
}

// Staff moderate; a customer's new or edited review waits for moderation again.
const moderate: FieldHook = ({ req, operation, value, originalDoc }) => {
  if (!req.user || isStaffUser(req.user)) return value ?? (originalDoc as { status?: string } | undefined)?.status ?? 'pending'
  return operation === 'create' || originalDoc ? 'pending' : value
}

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

const wholeStar = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? true : 'Rating must be a whole number from 1 to 5'

export function createReviewsCollection(options: ReviewsSettings): CollectionConfig {
  return {
    slug: REVIEWS_SLUG,
    labels: { singular: 'Review', plural: 'Reviews' },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'product', 'rating', 'status', 'createdAt'],
      group: 'Catalogue',
      description: 'Reviews by customers who bought the product. Approve to publish; the product’s rating counts approved reviews only.',
    },
    access: reviewsAccess,
    indexes: [{ fields: ['product', 'customer'], unique: true }],
    hooks: {
      beforeOperation: [requireSignedIn],
      beforeChange: [checkEligibility(options)],
      afterChange: [refreshRatingAfterChange],
      afterDelete: [refreshRatingAfterDelete],
    },
    fields: [
      { name: 'product', type: 'relationship', relationTo: 'products', required: true, index: true },
      { name: 'rating', type: 'number', required: true, min: 1, max: 5, validate: wholeStar, admin: { step: 1 } },
      { name: 'title', type: 'text', required: true, maxLength: 120 },
      { name: 'text', type: 'textarea', required: true, maxLength: options.maxTextLength },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'pending',
        index: true,
        options: REVIEW_STATUSES.map((s) => ({ label: s[0].toUpperCase() + s.slice(1), value: s })),
        hooks: { beforeChange: [moderate] },
        admin: { position: 'sidebar' },
      },
      {
        name: 'customer',
        type: 'relationship',
        relationTo: 'customers',
        index: true,
        hooks: { beforeChange: [setAuthor] },
        // Other shoppers see the author's display name, never their account.
        access: { read: ({ req, doc }) => isStaffUser(req.user) || (!!req.user && String(idOf(doc?.customer)) === String(req.user.id)) },
        admin: { position: 'sidebar', readOnly: true },
      },
      { name: 'authorName', type: 'text', admin: { position: 'sidebar', readOnly: true, description: 'Shown with the review.' } },
    ],
  }
}
