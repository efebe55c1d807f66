'use client'

import { formatPrice } from '@/lib/money'
import { useActionState, useState } from 'react'
import type { CheckoutState } from '@/lib/checkout/checkoutAction'
import { placeOrderAction } from '@/lib/checkout/checkoutAction'
import { AddressFields } from './AddressFields'
import { Field } from './Field'
import { SubmitButton } from './SubmitButton'

interface Props {
  initial: CheckoutState
  countries: { code: string; name: string }[]
  paymentMethods: ('test-card' | 'manual')[]
  /** The total the order summary shows (pence); sent so a total that changed since is refused, not charged. */
  shownTotal: number | null
}

const METHOD_LABELS = { 'test-card': 'Card (test mode)', manual: 'Bank transfer (pay later; we hold your items)' }

export function CheckoutForm({ initial, countries, paymentMethods, shownTotal }: Props) {
  const [state, action] = useActionState(placeOrderAction, initial)
  const { values, fieldErrors: errors } = state
  const [method, setMethod] = useState(values.paymentMethod || paymentMethods[0])
  // Repeated beside the button, so on a phone (where the summary sits above the form) the amount is never out of sight.
  const payable = state.expectedTotal ?? shownTotal
  const [billingSame, setBillingSame] = useState(values.billingSame === 'on')
  return (
    <form action={action} noValidate data-testid="checkout-form">
      <input type="hidden" name="idempotencyKey" value={state.key} />
      {payable !== null ? <input type="hidden" name="expectedTotal" value={String(payable)} /> : null}
      {state.formError ? (
        <p className="notice error" role="alert" data-testid="checkout-error">
          {state.formError}
        </p>
      ) : null}
      <fieldset>
        <legend>Contact</legend>
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email}
          error={errors.email}
          testId="checkout-email"
          idPrefix="contact"
        />
      </fieldset>
      <fieldset>
        <legend>Delivery address</legend>
        <AddressFields prefix="shippingAddress" values={values} errors={errors} countries={countries} testPrefix="checkout" autoCompleteSection="shipping" />
      </fieldset>
      <fieldset>
        <legend>Billing address</legend>
        <label className="check">
          <input type="checkbox" name="billingSame" value="on" checked={billingSame} onChange={(e) => setBillingSame(e.target.checked)} /> Same as delivery
          address
        </label>
        <div hidden={billingSame}>
          <p className="muted">Only used when the box above is unticked.</p>
          <AddressFields prefix="billingAddress" values={values} errors={errors} countries={countries} autoCompleteSection="billing" />
        </div>
      </fieldset>
      <fieldset>
        <legend>Discount code</legend>
        <Field
          label="Code (optional)"
          name="discountCode"
          autoComplete="off"
          defaultValue={values.discountCode}
          error={errors.discountCode}
          testId="checkout-discount"
          idPrefix="discount"
        />
      </fieldset>
      <fieldset>
        <legend>Payment</legend>
        <div className="payment-options" role="radiogroup" aria-label="Payment method" data-testid="checkout-payment-method">
          {paymentMethods.map((m) => (
            <label key={m} className="check">
              <input type="radio" name="paymentMethod" value={m} checked={method === m} onChange={() => setMethod(m)} data-testid={`payment-${m}`} />{' '}
              {METHOD_LABELS[m]}
            </label>
          ))}
        </div>
        {errors.paymentMethod ? <p className="field-error">{errors.paymentMethod}</p> : null}
        {paymentMethods.includes('test-card') ? (
          <div hidden={method !== 'test-card'}>
            <Field
              label="Card number"
              name="card.number"
              inputMode="numeric"
              autoComplete="cc-number"
              placeholder="4242 4242 4242 4242"
              error={errors['card.number']}
              testId="checkout-card-number"
              idPrefix="card"
            />
            <p className="muted">Test mode: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined.</p>
          </div>
        ) : null}
      </fieldset>
      {payable !== null ? (
        <p className="pay-total" data-testid="pay-total">
          <span>Total to pay</span> <strong>{formatPrice(payable)}</strong>
        </p>
      ) : null}
      <SubmitButton className="wide" testId="place-order" pendingText="Placing your order…">
        Place order
      </SubmitButton>
    </form>
  )
}
