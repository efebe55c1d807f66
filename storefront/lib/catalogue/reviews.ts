import { cmsGet } from '../cms/client'
import { toQueryString } from '../cms/query'
import type { Id, Paginated } from '../cms/types'

export interface Review {
  id: Id
  rating: number
  title: string
  text: string
  authorName?: string | null
  createdAt: string
}

export const REVIEW_TEXT_MAX = 4000
export const REVIEW_TITLE_MAX = 120

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

export interface ReviewInput {
  rating: number
  title: string
  text: string
}

/** The form's fields checked as the CMS will check them, so a mistake is named before a round trip. */
export function validateReview(get: (field: string) => FormDataEntryValue | null): { input: ReviewInput; errors: Record<string, string> } {
  const rating = Number(get('rating'))
  const title = String(get('title') ?? '').trim()
  const text = String(get('text') ?? '').trim()
  const errors: Record<string, string> = {}
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) errors.rating = 'Choose a rating from 1 to 5 stars'
  if (!title) errors.title = 'Give your review a title'
  else if (title.length > REVIEW_TITLE_MAX) errors.title = `Keep the title under ${REVIEW_TITLE_MAX} characters`
  if (!text) errors.text = 'Tell other shoppers what you thought'
  else if (text.length > REVIEW_TEXT_MAX) errors.text = `Keep the review under ${REVIEW_TEXT_MAX} characters`
  return { input: { rating, title, text }, errors }
}

export const stars = (rating: number): string => '★'.repeat(Math.round(rating)) + '☆'.repeat(5 - Math.round(rating))
