'use client'

import Link from 'next/link'
import { useActionState, useSyncExternalStore } from 'react'
import type { ReviewFormState } from '@/lib/catalogue/reviewActions'
import { submitReviewAction } from '@/lib/catalogue/reviewActions'
import { REVIEW_TEXT_MAX, REVIEW_TITLE_MAX } from '@/lib/catalogue/reviewRules'
import { UI_CHANGED_EVENT, parseUiState, uiCookieValue } from '@/lib/session/uiState'
import { Field } from './Field'
import { SubmitButton } from './SubmitButton'

const initial: ReviewFormState = { status: 'idle', message: '', fieldErrors: {} }

const subscribe = (onChange: () => void) => {
  window.addEventListener(UI_CHANGED_EVENT, onChange)
  window.addEventListener('focus', onChange)
  return () => {
    window.removeEventListener(UI_CHANGED_EVENT, onChange)
    window.removeEventListener('focus', onChange)
  }
}

// The page is cached for everyone: whether to offer the form is decided in the browser, from the UI cookie.
export function ReviewForm({ productId, slug }: { productId: number | string; slug: string }) {
  const loggedIn = useSyncExternalStore(
    subscribe,
    () => parseUiState(uiCookieValue(document.cookie)).loggedIn,
    () => false,
  )
  const [state, action] = useActionState(submitReviewAction, initial)
  if (!loggedIn) {
    return (
      <p className="muted" data-testid="review-login">
        <Link href={`/account/login?next=/products/${slug}`}>Log in</Link> to review a product you have bought.
      </p>
    )
  }
  if (state.status === 'sent')
    return (
      <p className="notice" data-testid="review-sent">
        {state.message}
      </p>
    )
  return (
    <form action={action} className="stack review-form" data-testid="review-form">
      <h3>Write a review</h3>
      <input type="hidden" name="product" value={String(productId)} />
      <div className="field">
        <label htmlFor="review-rating">Rating</label>
        <select id="review-rating" name="rating" defaultValue="5" data-testid="review-rating">
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {n} star{n === 1 ? '' : 's'}
            </option>
          ))}
        </select>
        {state.fieldErrors.rating ? <p className="field-error">{state.fieldErrors.rating}</p> : null}
      </div>
      <Field name="title" label="Title" idPrefix="review" required maxLength={REVIEW_TITLE_MAX} error={state.fieldErrors.title} testId="review-title" />
      <div className="field">
        <label htmlFor="review-text">Your review</label>
        <textarea id="review-text" name="text" required maxLength={REVIEW_TEXT_MAX} rows={5} data-testid="review-text" />
        {state.fieldErrors.text ? <p className="field-error">{state.fieldErrors.text}</p> : null}
      </div>
      {state.status === 'error' ? (
        <p className="form-error" role="alert" data-testid="review-error">
          {state.message}
        </p>
      ) : null}
      <SubmitButton pendingText="Sending…" testId="review-submit">
        Send review
      </SubmitButton>
    </form>
  )
}
