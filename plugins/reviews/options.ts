import type { OrderStatus } from '../kit'

export interface ReviewsOptions {
  /** Order states that count as having bought the product; defaults to paid, fulfilled and delivered. */
  purchasedStatuses?: OrderStatus[]
  /** Longest review text, in characters; defaults to 4,000. */
  maxTextLength?: number
  enabled?: boolean
}

export const reviewsDefaults = {
  purchasedStatuses: ['paid', 'fulfilled', 'delivered'] as OrderStatus[],
  maxTextLength: 4000,
}

export type ReviewsSettings = Required<ReviewsOptions>

/** Refuses options that would make the plugin accept nothing or everything. */
export function sanitizeReviewsOptions(options: ReviewsSettings): ReviewsSettings {
  if (!options.purchasedStatuses.length) throw new Error('reviews: purchasedStatuses must name at least one order state')
  if (!Number.isInteger(options.maxTextLength) || options.maxTextLength < 1) throw new Error('reviews: maxTextLength must be a positive whole number')
  return options
}
