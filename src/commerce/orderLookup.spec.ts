import { describe, expect, it } from '@jest/globals'

import { isCommerceError } from './errors'
import { parseOrderLookup, sameEmail } from './orderLookup'

describe('parseOrderLookup', () => {
  it('should accept an order number in any case and an email, trimmed', () => {
    expect(parseOrderLookup({ number: ' ir-000123 ', email: ' Harriet@Example.com ' })).toEqual({ number: 'IR-000123', email: 'Harriet@Example.com' })
  })
  it('should name each field that is missing or malformed, and refuse other fields', () => {
    let thrown: unknown
    try {
      parseOrderLookup({ number: '123', token: 'x' })
    } catch (error) {
      thrown = error
    }
    expect(isCommerceError(thrown) && thrown.status).toBe(400)
    const fields = isCommerceError(thrown) ? (thrown.details as { field: string }[]).map((d) => d.field) : []
    expect(fields.sort()).toEqual(['email', 'number', 'token'])
  })
})

describe('sameEmail', () => {
  it('should match the order’s email whatever its case and spaces', () => {
    expect(sameEmail('HARRIET@example.com ', 'harriet@example.com')).toBe(true)
  })
  it('should not match another email or an order without one', () => {
    expect(sameEmail('someone@example.com', 'harriet@example.com')).toBe(false)
    expect(sameEmail('harriet@example.com', null)).toBe(false)
  })
})
