import { randomUUID } from 'node:crypto'
import type { Customer } from '../cms/types'
import type { CheckoutState } from './checkoutAction'
import type { CheckoutValues } from './checkoutForm'

/** The form as first shown: a fresh Idempotency-Key, and a logged-in customer's details filled in. */
export function initialCheckoutState(customer: Customer | null, defaultCountry: string, paymentMethod: string): CheckoutState {
  const address = customer?.addresses?.find((a) => a.isDefaultShipping) ?? customer?.addresses?.[0]
  const values: CheckoutValues = {
    email: customer?.email ?? '',
    'shippingAddress.name': address?.name ?? customer?.name ?? '',
    'shippingAddress.line1': address?.line1 ?? '',
    'shippingAddress.line2': address?.line2 ?? '',
    'shippingAddress.city': address?.city ?? '',
    'shippingAddress.postcode': address?.postcode ?? '',
    'shippingAddress.country': address?.country ?? defaultCountry,
    billingSame: 'on',
    'billingAddress.country': defaultCountry,
    paymentMethod,
  }
  return { key: randomUUID(), values, fieldErrors: {}, formError: null, expectedTotal: null }
}
