import { describe, expect, it } from '@jest/globals'
import { parseCheckoutBody, parseQuoteBody } from './checkoutInput'
import type { CommerceError, FieldProblem } from './errors'

const address = {
  name: 'Ada',
  line1: '1 Buttermarket',
  city: 'Ipswich',
  postcode: 'IP1 1BQ',
  country: 'GB',
}

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    items: [{ sku: 'MUG', quantity: 1 }],
    email: 'ada@example.com',
    shippingAddress: address,
    paymentMethod: 'manual',
    ...overrides,
  }
}

function problems(parse: () => unknown): FieldProblem[] {
  try {
    parse()
  } catch (error) {
    return (error as CommerceError).details as FieldProblem[]
  }
  throw new Error('expected a refusal')
}

function refusal(parse: () => unknown): CommerceError {
  try {
    parse()
  } catch (error) {
    return error as CommerceError
  }
  throw new Error('expected a refusal')
}

const withQuantity = (quantity: unknown) => body({ items: [{ sku: 'MUG', quantity }] })

describe('parseCheckoutBody', () => {
  it('should accept a valid manual-payment body', () => {
    expect(parseCheckoutBody(body()).paymentMethod).toBe('manual')
  })

  it('should answer 400 invalid_body', () => {
    const error = refusal(() => parseCheckoutBody(body({ email: 'nope' })))
    expect([error.status, error.code]).toEqual([400, 'invalid_body'])
  })

  it('should refuse quantity 0', () => {
    expect(problems(() => parseCheckoutBody(withQuantity(0)))).toEqual([{ field: 'items.0.quantity', message: 'must be at least 1' }])
  })

  it('should refuse a negative quantity', () => {
    expect(problems(() => parseCheckoutBody(withQuantity(-2)))).toEqual([{ field: 'items.0.quantity', message: 'must be at least 1' }])
  })

  it('should refuse a fractional quantity', () => {
    expect(problems(() => parseCheckoutBody(withQuantity(1.5)))).toEqual([{ field: 'items.0.quantity', message: 'must be a whole number' }])
  })

  it('should refuse a quantity over 1000', () => {
    expect(problems(() => parseCheckoutBody(withQuantity(1001)))).toEqual([{ field: 'items.0.quantity', message: 'must be at most 1000' }])
  })

  it('should refuse a quantity sent as a string', () => {
    expect(problems(() => parseCheckoutBody(withQuantity('2')))).toEqual([{ field: 'items.0.quantity', message: 'must be a number' }])
  })

  it('should refuse a price on an item, naming it', () => {
    const items = [{ sku: 'MUG', quantity: 1, unitPrice: 1 }]
    expect(problems(() => parseCheckoutBody(body({ items })))).toEqual([
      {
        field: 'items.0.unitPrice',
        message: '"unitPrice" is refused: prices and totals are computed by the store, never sent',
      },
    ])
  })

  it('should refuse totals in the body, naming them', () => {
    expect(problems(() => parseCheckoutBody(body({ totals: { total: 1 } })))[0].field).toBe('totals')
  })

  it('should put the refused price key in the error message', () => {
    expect(() => parseCheckoutBody(body({ lineTotal: 1 }))).toThrow('lineTotal: "lineTotal" is refused')
  })

  it('should refuse an unknown key', () => {
    expect(problems(() => parseCheckoutBody(body({ coupon: 'X' })))).toEqual([{ field: 'coupon', message: '"coupon" is not an accepted field' }])
  })

  it('should name a missing field as required', () => {
    const { email: _email, ...rest } = body()
    expect(problems(() => parseCheckoutBody(rest))).toEqual([{ field: 'email', message: 'is required' }])
  })

  it('should refuse an empty cart', () => {
    expect(problems(() => parseCheckoutBody(body({ items: [] })))).toEqual([{ field: 'items', message: 'must contain at least one item' }])
  })

  it('should refuse a body that is not an object', () => {
    expect(problems(() => parseCheckoutBody('hello'))).toEqual([{ field: 'body', message: 'must be a JSON object' }])
  })

  it('should require a card for test-card payments', () => {
    expect(problems(() => parseCheckoutBody(body({ paymentMethod: 'test-card' })))).toEqual([
      { field: 'card', message: 'is required when paymentMethod is test-card' },
    ])
  })

  it('should refuse a card with manual payment', () => {
    const card = { number: '4242424242424242' }
    expect(problems(() => parseCheckoutBody(body({ card })))[0].field).toBe('card')
  })

  it('should refuse an unknown payment method', () => {
    expect(problems(() => parseCheckoutBody(body({ paymentMethod: 'cash' })))).toEqual([{ field: 'paymentMethod', message: 'must be "manual" or "test-card"' }])
  })

  it('should normalise the email to lower case', () => {
    expect(parseCheckoutBody(body({ email: ' Ada@Example.COM ' })).email).toBe('ada@example.com')
  })

  it('should name a bad postcode inside the shipping address', () => {
    const shippingAddress = { ...address, postcode: 'NOT A CODE' }
    expect(problems(() => parseCheckoutBody(body({ shippingAddress })))).toEqual([
      {
        field: 'shippingAddress.postcode',
        message: 'must be a valid UK postcode, such as SW1A 1AA',
      },
    ])
  })

  it('should report every bad field at once', () => {
    const found = problems(() => parseCheckoutBody(body({ email: 'x', items: [{ sku: '', quantity: 0 }] })))
    expect(found.map((p) => p.field)).toEqual(['items.0.sku', 'items.0.quantity', 'email'])
  })
})

describe('parseQuoteBody', () => {
  it('should accept items with an optional country, upper-casing it', () => {
    expect(parseQuoteBody({ items: [{ sku: 'MUG', quantity: 2 }], shippingCountry: 'gb' })).toEqual({
      items: [{ sku: 'MUG', quantity: 2 }],
      shippingCountry: 'GB',
    })
  })

  it('should refuse a price in a quote item', () => {
    const items = [{ sku: 'MUG', quantity: 1, price: 100 }]
    expect(problems(() => parseQuoteBody({ items }))[0].field).toBe('items.0.price')
  })

  it('should refuse a country code that does not exist', () => {
    expect(problems(() => parseQuoteBody({ items: [{ sku: 'A', quantity: 1 }], shippingCountry: 'XX' }))).toEqual([
      { field: 'shippingCountry', message: 'must be an ISO 3166 alpha-2 country code, such as GB' },
    ])
  })
})
