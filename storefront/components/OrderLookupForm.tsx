'use client'

import { useActionState } from 'react'
import { initialLookup } from '@/lib/orders/lookup'
import { lookupOrderAction } from '@/lib/orders/lookupAction'
import { Field } from './Field'
import { OrderDetails } from './OrderDetails'
import { SubmitButton } from './SubmitButton'

/** Order number and email in, the order out on the same page (nothing about it in the URL). */
export function OrderLookupForm() {
  const [state, action] = useActionState(lookupOrderAction, initialLookup)
  return (
    <div className="stack">
      <form action={action} noValidate className="stack" data-testid="order-lookup-form">
        {state.message && state.status !== 'found' ? (
          <p className="notice error" role="alert" data-testid="order-lookup-error">
            {state.message}
          </p>
        ) : null}
        <Field
          name="number"
          label="Order number"
          placeholder="IR-000123"
          autoComplete="off"
          defaultValue={state.values.number}
          error={state.fieldErrors.number}
          testId="order-lookup-number"
          required
        />
        <Field
          name="email"
          label="Email used for the order"
          type="email"
          autoComplete="email"
          defaultValue={state.values.email}
          error={state.fieldErrors.email}
          testId="order-lookup-email"
          required
        />
        <SubmitButton testId="order-lookup-submit" pendingText="Looking…">
          Find my order
        </SubmitButton>
      </form>
      {state.status === 'found' && state.order ? (
        <section aria-label="Your order" data-testid="order-lookup-result">
          <h2>Your order</h2>
          <OrderDetails order={state.order} />
        </section>
      ) : null}
    </div>
  )
}
