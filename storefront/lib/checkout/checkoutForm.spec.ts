import { describe, expect, it } from '@jest/globals'
import { checkoutBody, checkoutOutcome, echoValues, keyForNextAttempt, readCheckoutForm, readExpectedTotal } from './checkoutForm'

const form: Record<string, string> = {
  email: ' shopper@example.com ',
  'shippingAddress.name': 'Ada Lovelace',
  'shippingAddress.line1': '1 Quay St',
  'shippingAddress.city': 'Ipswich',
  'shippingAddress.postcode': 'IP1 1AA',
  'shippingAddress.country': 'gb',
  billingSame: 'on',
  paymentMethod: 'test-card',
  'card.number': '4242 4242 4242 4242',
}
const values = readCheckoutForm((name) => form[name] ?? null)
const items = [{ sku: 'TEE-M', quantity: 2 }]

describe('checkoutBody', () => {
  it('should send items, trimmed contact, the shipping address and the card, with no billing address when same', () => {
    expect(checkoutBody(values, items)).toEqual({
      items,
      email: 'shopper@example.com',
      shippingAddress: { name: 'Ada Lovelace', line1: '1 Quay St', city: 'Ipswich', postcode: 'IP1 1AA', country: 'GB' },
      paymentMethod: 'test-card',
      card: { number: '4242 4242 4242 4242' },
    })
  })
  it('should send no card for manual payment and a billing address when it differs', () => {
    const manual = { ...values, paymentMethod: 'manual', billingSame: '', 'billingAddress.name': 'B', 'billingAddress.country': 'fr' }
    const body = checkoutBody(manual, items)
    expect(['card' in body, body.billingAddress?.name, body.billingAddress?.country]).toEqual([false, 'B', 'FR'])
  })
  it('should never include a price, even one seen when adding', () => {
    expect(JSON.stringify(checkoutBody(values, [{ sku: 'TEE-M', quantity: 2, seenPrice: 1250 }]))).not.toMatch(/price|total|1250/i)
  })
  it('should send the total the page showed as expectedTotal', () => {
    expect(checkoutBody(values, items, 5400).expectedTotal).toBe(5400)
  })
  it('should read the hidden total only as whole pence', () => {
    expect(['5400', '', '54.00', '-1', null].map(readExpectedTotal)).toEqual([5400, null, null, null, null])
  })
})

describe('echoValues', () => {
  it('should not echo the card number back to the page', () => {
    expect(echoValues(values)['card.number']).toBe('')
  })
})

describe('checkoutOutcome', () => {
  it('should read a placed order', () => {
    expect(checkoutOutcome(201, { order: { orderNumber: 'IR-000007' }, lookupToken: 'tok' })).toEqual({
      kind: 'placed',
      orderNumber: 'IR-000007',
      lookupToken: 'tok',
    })
  })
  it('should put 400 details beside their fields and cart problems in the form message', () => {
    const data = {
      error: {
        code: 'invalid_body',
        message: '…',
        details: [
          { field: 'shippingAddress.postcode', message: 'must be a valid UK postcode' },
          { field: 'items.0.sku', message: 'unknown SKU "X"' },
        ],
      },
    }
    expect(checkoutOutcome(400, data)).toEqual({
      kind: 'invalid',
      fieldErrors: { 'shippingAddress.postcode': 'must be a valid UK postcode' },
      formError: 'Your cart has a problem: unknown SKU "X"',
    })
  })
  it('should report a declined card', () => {
    expect(checkoutOutcome(402, { error: { code: 'payment_declined', message: 'Card declined' } })).toEqual({ kind: 'declined', message: 'Card declined' })
  })
  it('should list stock shortages', () => {
    const data = { error: { code: 'insufficient_stock', message: '…', details: [{ sku: 'TEE-M', requested: 2, available: 1 }] } }
    expect(checkoutOutcome(409, data)).toEqual({ kind: 'short', shortages: [{ sku: 'TEE-M', requested: 2, available: 1 }] })
  })
  it('should read a changed total with the CMS’s message and the new total', () => {
    const data = { error: { code: 'price_changed', message: 'The total is now £65.00', quote: { totals: { total: 6500 } } } }
    expect(checkoutOutcome(409, data)).toEqual({ kind: 'price_changed', message: 'The total is now £65.00', total: 6500 })
  })
  it('should take a fresh key after a changed total', () => {
    expect(keyForNextAttempt({ kind: 'price_changed', message: '', total: 6500 }, 'k1', () => 'k2')).toBe('k2')
  })
  it('should ask for a retry when the shop is busy or unreachable', () => {
    expect([checkoutOutcome(503, null).kind, checkoutOutcome(0, null).kind]).toEqual(['retry', 'retry'])
  })
})

describe('keyForNextAttempt', () => {
  it('should keep the key for a retry of the same attempt', () => {
    expect(keyForNextAttempt({ kind: 'retry', message: '' }, 'k1', () => 'k2')).toBe('k1')
  })
  it('should take a fresh key after a refusal', () => {
    expect(keyForNextAttempt({ kind: 'declined', message: '' }, 'k1', () => 'k2')).toBe('k2')
  })
})
