'use client'

import { useActionState } from 'react'
import type { NotifyMeState } from '@/lib/catalogue/backInStockActions'
import { notifyMeAction } from '@/lib/catalogue/backInStockActions'
import type { PurchasableSku } from '@/lib/catalogue/productView'
import { SubmitButton } from './SubmitButton'

const initial: NotifyMeState = { status: 'idle', message: '' }

/** "Notify me" for the product's sold-out SKUs. */
export function NotifyMeForm({ skus }: { skus: PurchasableSku[] }) {
  const [state, action] = useActionState(notifyMeAction, initial)
  const soldOut = skus.filter((s) => s.available <= 0)
  if (soldOut.length === 0) return null
  if (state.status === 'subscribed')
    return (
      <p className="notice" data-testid="notify-me-done">
        {state.message}
      </p>
    )
  return (
    <form action={action} className="stack notify-me" data-testid="notify-me">
      <h3>Sold out? Get one email when it is back</h3>
      {soldOut.length > 1 ? (
        <div className="field">
          <label htmlFor="notify-sku">Option</label>
          <select id="notify-sku" name="sku" data-testid="notify-me-sku">
            {soldOut.map((s) => (
              <option key={s.sku} value={s.sku}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="sku" value={soldOut[0].sku} />
      )}
      <div className="field">
        <label htmlFor="notify-email">Email</label>
        <input id="notify-email" name="email" type="email" required autoComplete="email" data-testid="notify-me-email" />
      </div>
      {state.status === 'error' ? (
        <p className="form-error" role="alert" data-testid="notify-me-error">
          {state.message}
        </p>
      ) : null}
      <SubmitButton pendingText="Saving…" testId="notify-me-submit">
        Notify me
      </SubmitButton>
    </form>
  )
}
