import type { Order } from './orders'

// The storefront's "find your order" form: what the CMS's answer to POST /api/orders/lookup means for the shopper.

export interface LookupState {
  status: 'idle' | 'found' | 'not_found' | 'invalid' | 'limited' | 'unavailable'
  message: string
  values: { number: string; email: string }
  fieldErrors: { number?: string; email?: string }
  order?: Order
}

export const initialLookup: LookupState = { status: 'idle', message: '', values: { number: '', email: '' }, fieldErrors: {} }

type ErrorBody = { error?: { code?: string; message?: string; details?: { field?: string; message?: string }[] } }

const FIELD_LABEL = { number: 'Order number', email: 'Email' } as const

export function lookupOutcome(status: number, data: unknown, values: LookupState['values']): LookupState {
  const base = { values, fieldErrors: {} }
  const body = (data ?? {}) as ErrorBody & { order?: Order }
  if (status === 200 && body.order) return { ...base, status: 'found', message: '', order: body.order }
  if (status === 404) {
    return { ...base, status: 'not_found', message: 'We could not find an order with that number and email. Check both against your confirmation email.' }
  }
  if (status === 400) {
    const fieldErrors: LookupState['fieldErrors'] = {}
    for (const problem of body.error?.details ?? []) {
      if (problem.field === 'number' || problem.field === 'email')
        fieldErrors[problem.field] = `${FIELD_LABEL[problem.field]} ${problem.message ?? 'is not valid'}.`
    }
    return { ...base, status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors }
  }
  if (status === 429) return { ...base, status: 'limited', message: 'Too many look-ups just now. Please wait a minute and try again.' }
  return { ...base, status: 'unavailable', message: 'We could not look up orders just now. Please try again shortly.' }
}
