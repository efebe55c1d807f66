import { describe, expect, it } from '@jest/globals'
import { apiErrorCode, apiErrorMessage, apiFieldErrors, shortageMessage, stockShortages } from './apiErrors'

const commerce400 = {
  error: {
    code: 'invalid_body',
    message: 'email: must be an email address',
    details: [
      { field: 'email', message: 'must be an email address' },
      { field: 'shippingAddress.postcode', message: 'must be a valid UK postcode, such as SW1A 1AA' },
    ],
  },
}
const payload400 = {
  errors: [
    {
      name: 'ValidationError',
      message: 'The following field is invalid: email',
      data: { errors: [{ path: 'email', message: 'A user with the given email is already registered.' }] },
    },
  ],
}

describe('apiFieldErrors', () => {
  it('should read field errors of the commerce endpoints', () => {
    expect(apiFieldErrors(commerce400)).toEqual({
      email: 'must be an email address',
      'shippingAddress.postcode': 'must be a valid UK postcode, such as SW1A 1AA',
    })
  })
  it("should read Payload's validation errors", () => {
    expect(apiFieldErrors(payload400)).toEqual({ email: 'A user with the given email is already registered.' })
  })
  it('should read nothing from a body without errors', () => {
    expect(apiFieldErrors(null)).toEqual({})
  })
})

describe('apiErrorMessage and apiErrorCode', () => {
  it('should take the message and code of either shape, or a fallback', () => {
    expect([apiErrorMessage(commerce400), apiErrorMessage(payload400), apiErrorMessage('x', 'fallback'), apiErrorCode(commerce400)]).toEqual([
      'email: must be an email address',
      'The following field is invalid: email',
      'fallback',
      'invalid_body',
    ])
  })
})

describe('stockShortages', () => {
  it('should list the SKUs a 409 names', () => {
    const body = { error: { code: 'insufficient_stock', message: '…', details: [{ sku: 'TEE-M', requested: 3, available: 1 }] } }
    expect(stockShortages(body)).toEqual([{ sku: 'TEE-M', requested: 3, available: 1 }])
  })
})

describe('shortageMessage', () => {
  it('should say out of stock or only N left', () => {
    expect([shortageMessage(0), shortageMessage(2)]).toEqual(['Out of stock', 'Only 2 left'])
  })
})
