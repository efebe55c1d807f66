import { describe, expect, it } from '@jest/globals'
import { createPaymentProviders, enabledPaymentMethods, manualPayments, testCardPayments } from './payments'

const request = { amount: 1000, currency: 'GBP', orderNumber: 'IR-000001' }

describe('manualPayments', () => {
  it('should leave the payment pending with a reference', async () => {
    expect(await manualPayments.authorize(request)).toEqual({
      status: 'pending',
      reference: 'manual:IR-000001',
      message: 'Awaiting payment',
    })
  })
})

describe('testCardPayments', () => {
  it('should approve 4242 4242 4242 4242 written with spaces', async () => {
    const result = await testCardPayments.authorize({
      ...request,
      card: { number: '4242 4242 4242 4242' },
    })
    expect(result.status).toBe('approved')
  })

  it('should decline 4000000000000002 with the card message', async () => {
    const result = await testCardPayments.authorize({
      ...request,
      card: { number: '4000000000000002' },
    })
    expect([result.status, result.message]).toEqual(['declined', 'Your card was declined.'])
  })

  it('should decline any other number as invalid', async () => {
    const result = await testCardPayments.authorize({
      ...request,
      card: { number: '1234 5678 9012 3456' },
    })
    expect([result.status, result.message]).toEqual(['declined', 'Your card number is not valid.'])
  })

  it('should decline when no card is given', async () => {
    expect((await testCardPayments.authorize(request)).status).toBe('declined')
  })
})

describe('enabledPaymentMethods', () => {
  it('should parse a comma-separated list', () => {
    expect(enabledPaymentMethods('manual, test-card', 'development')).toEqual(['manual', 'test-card'])
  })

  it('should refuse test-card in production, naming PAYMENT_METHODS', () => {
    expect(() => enabledPaymentMethods('manual,test-card', 'production')).toThrow('PAYMENT_METHODS: test-card cannot be enabled when APP_ENV is production')
  })

  it('should refuse test-card in staging', () => {
    expect(() => enabledPaymentMethods(['test-card'], 'staging')).toThrow('APP_ENV is staging')
  })

  it('should refuse an unknown method', () => {
    expect(() => enabledPaymentMethods('manual,paypal', 'development')).toThrow('PAYMENT_METHODS: unknown method paypal (known: manual, test-card)')
  })

  it('should refuse an empty list', () => {
    expect(() => enabledPaymentMethods(' ', 'development')).toThrow('PAYMENT_METHODS: lists no payment method')
  })

  it('should allow manual alone in production', () => {
    expect(enabledPaymentMethods('manual', 'production')).toEqual(['manual'])
  })
})

describe('createPaymentProviders', () => {
  it('should hold only the enabled providers', () => {
    expect([...createPaymentProviders(['manual']).keys()]).toEqual(['manual'])
  })
})
