import { describe, expect, it } from '@jest/globals'
import { CommerceError, configError, invalidFields, isCommerceError } from './errors'

describe('CommerceError', () => {
  it('should serialise to an error body with code, message and details', () => {
    const error = new CommerceError(409, 'insufficient_stock', 'Not enough', [{ sku: 'A' }])
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      error: { code: 'insufficient_stock', message: 'Not enough', details: [{ sku: 'A' }] },
    })
  })

  it('should be recognised by isCommerceError', () => {
    expect(isCommerceError(new CommerceError(400, 'x', 'y'))).toBe(true)
  })

  it('should not take a plain Error for a CommerceError', () => {
    expect(isCommerceError(new Error('y'))).toBe(false)
  })
})

describe('invalidFields', () => {
  it('should list every field in the message', () => {
    const error = invalidFields('invalid_body', [
      { field: 'email', message: 'is required' },
      { field: 'items.0.quantity', message: 'must be at least 1' },
    ])
    expect([error.status, error.message]).toEqual([400, 'email: is required; items.0.quantity: must be at least 1'])
  })
})

describe('configError', () => {
  it('should name the environment variable', () => {
    expect(configError('PAYMENT_METHODS', 'is empty').details).toEqual([{ field: 'PAYMENT_METHODS', message: 'is empty' }])
  })
})
