import { cmsGet } from '../cms/client'
import { toQueryString } from '../cms/query'
import type { Id, Paginated } from '../cms/types'

// The rules the review form uses in the browser live apart from this CMS read (reviewRules.ts).
export { REVIEW_TEXT_MAX, REVIEW_TITLE_MAX, stars, validateReview, type ReviewInput } from './reviewRules'

export interface Review {
  id: Id
  rating: number
  title: string
  text: string
  authorName?: string | null
  createdAt: string
}

/** Approved reviews of a product, newest first (the CMS shows anonymous readers approved ones only). */
export function getApprovedReviews(productId: Id, limit = 20): Promise<Paginated<Review>> {
  const query = toQueryString({
    where: { product: { equals: productId }, status: { equals: 'approved' } },
    sort: '-createdAt',
    limit,
    depth: 0,
    select: { rating: true, title: true, text: true, authorName: true, createdAt: true },
  })
  // Moderation does not tell the storefront; a minute's staleness is fine for reviews.
  return cmsGet(`/api/reviews?${query}`, { endpoint: 'reviews', tags: [`reviews:${productId}`], revalidate: 60 })
}
