'use server'

import { apiErrorMessage } from '../cms/apiErrors'
import { cmsRequest } from '../cms/client'
import { currentCustomer } from '../session/session'
import { validateReview } from './reviews'

export interface ReviewFormState {
  status: 'idle' | 'sent' | 'error'
  message: string
  fieldErrors: Record<string, string>
}

/** Posts a signed-in customer's review; the CMS checks they bought the product and have not reviewed it yet. */
export async function submitReviewAction(_prev: ReviewFormState, formData: FormData): Promise<ReviewFormState> {
  const session = await currentCustomer()
  if (!session) return { status: 'error', message: 'Log in to write a review.', fieldErrors: {} }
  const { input, errors } = validateReview((field) => formData.get(field))
  if (Object.keys(errors).length > 0) return { status: 'error', message: 'Please check the highlighted fields.', fieldErrors: errors }
  const res = await cmsRequest('/api/reviews?depth=0', {
    endpoint: 'reviews/create',
    method: 'POST',
    token: session.token,
    body: { product: Number(formData.get('product')), ...input },
  }).catch(() => null)
  if (!res) return { status: 'error', message: 'The shop is not answering just now. Please try again.', fieldErrors: {} }
  if (!res.ok) return { status: 'error', message: apiErrorMessage(res.data, 'We could not save your review.'), fieldErrors: {} }
  return { status: 'sent', message: 'Thank you. Your review will appear here once we have checked it.', fieldErrors: {} }
}
