// A review's limits and checks, safe in the browser (the review form imports them; no CMS call here).

export const REVIEW_TEXT_MAX = 4000
export const REVIEW_TITLE_MAX = 120

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
