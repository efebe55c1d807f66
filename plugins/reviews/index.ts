import { definePlugin } from '../kit'
import { createReviewsCollection } from './collection'
import { reviewsDefaults, sanitizeReviewsOptions, type ReviewsOptions } from './options'
import { ratingFields } from './ratingFields'

export type { ReviewsOptions }
export { REVIEWS_SLUG } from './collection'

/**
 * Product reviews (plugins/reviews/README.md): customers who bought a product rate it 1–5 with a title and a text,
 * merchandisers approve or reject, and each product carries the average and count of its approved reviews.
 */
export const reviewsPlugin = definePlugin<ReviewsOptions, typeof reviewsDefaults>({
  name: 'reviews',
  defaults: reviewsDefaults,
  sanitize: sanitizeReviewsOptions,
  build: (options) => ({
    collections: [createReviewsCollection(options)],
    fields: { products: ratingFields },
  }),
})
