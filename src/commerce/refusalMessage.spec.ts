import { refusalMessage } from './refusalMessage'

describe('refusalMessage', () => {
  it("should give our endpoints' message", () => {
    const body = { error: { code: 'negative_stock', message: 'Stock cannot go below 0 (available 32, change -40)' } }
    expect(refusalMessage(body, 409)).toBe('Stock cannot go below 0 (available 32, change -40)')
  })

  it("should give Payload's message", () => {
    expect(refusalMessage({ errors: [{ message: 'You are not allowed to perform this action.' }] }, 403)).toBe('You are not allowed to perform this action.')
  })

  it("should name the fields of Payload's validation error", () => {
    const body = { errors: [{ message: 'The following field is invalid: sku', data: { errors: [{ path: 'sku', message: 'cannot change' }] } }] }
    expect(refusalMessage(body, 400)).toBe('sku: cannot change')
  })

  it('should fall back to the status when the body says nothing', () => {
    expect(refusalMessage('<html>', 502)).toBe('The server refused this (HTTP 502)')
  })
})
