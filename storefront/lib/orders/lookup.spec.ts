import { describe, expect, it } from '@jest/globals'
import { lookupOutcome } from './lookup'

const values = { number: 'IR-000123', email: 'harriet@example.com' }

describe('lookupOutcome', () => {
  it('should hand over the order the CMS found', () => {
    const state = lookupOutcome(200, { order: { orderNumber: 'IR-000123', status: 'paid' } }, values)
    expect(state).toMatchObject({ status: 'found', order: { orderNumber: 'IR-000123' } })
  })
  it('should say the same thing for an unknown number and a wrong email', () => {
    const state = lookupOutcome(404, { error: { code: 'order_not_found' } }, values)
    expect(state.status).toBe('not_found')
    expect(state.message).toContain('number and email')
  })
  it('should put each field’s problem in words beside it', () => {
    const state = lookupOutcome(
      400,
      { error: { code: 'invalid_body', details: [{ field: 'number', message: 'must be an order number such as IR-000123' }] } },
      values,
    )
    expect(state.fieldErrors).toEqual({ number: 'Order number must be an order number such as IR-000123.' })
  })
  it('should ask the shopper to wait when look-ups are limited, and to retry when the CMS is down', () => {
    expect(lookupOutcome(429, null, values).status).toBe('limited')
    expect(lookupOutcome(0, null, values).status).toBe('unavailable')
    expect(lookupOutcome(503, null, values).status).toBe('unavailable')
  })
})
