import { describe, expect, it } from '@jest/globals'
import type { PriceChangedError } from '../expectedTotal'
import type { PaymentProvider, PaymentProviders } from '../payments'
import { testCardPayments } from '../payments'
import { placeOrder } from './placeOrder'
import { catalogueStore } from '../../../tests/fakes/catalogueStore'
import { checkoutBody, createTestDeps, rejectionOf } from '../../../tests/fakes/testing'

// MUG-BLUE costs £12.00; under £50 the £4.95 flat rate applies: £16.95 in all.
const TOTAL_NOW = 1695

function countingPayments() {
  const authorised: number[] = []
  const provider: PaymentProvider = {
    id: 'test-card',
    async authorize(request) {
      authorised.push(request.amount)
      return testCardPayments.authorize(request)
    },
  }
  const payments = { get: () => provider, methods: () => ['test-card'] } as unknown as PaymentProviders
  return { payments, authorised }
}

async function checkoutExpecting(expectedTotal: number | undefined) {
  const store = catalogueStore()
  const { payments, authorised } = countingPayments()
  const deps = createTestDeps(store, { payments })
  const body = checkoutBody(expectedTotal === undefined ? {} : { expectedTotal })
  const outcome = await placeOrder(deps, { body, idempotencyKey: 'key-expected-total-1' }).then(
    (result) => ({ result, error: null }),
    (error: PriceChangedError) => ({ result: null, error }),
  )
  return { ...outcome, store, authorised, deps }
}

describe('placeOrder with an expected total', () => {
  it('should place the order when the expected total is the total now', async () => {
    const { result } = await checkoutExpecting(TOTAL_NOW)
    expect(result?.order.totals.total).toBe(TOTAL_NOW)
  })

  it('should place the order when no expected total is given', async () => {
    const { result } = await checkoutExpecting(undefined)
    expect(result?.order.status).toBe('paid')
  })

  it('should refuse another total with 409 price_changed carrying the new quote', async () => {
    const { error } = await checkoutExpecting(1500)
    expect([error?.status, error?.code, error?.toJSON().error.quote.totals.total, error?.toJSON().error.quote.lines[0]]).toEqual([
      409,
      'price_changed',
      TOTAL_NOW,
      expect.objectContaining({ sku: 'MUG-BLUE', unitPrice: 1200, quantity: 1, available: 10, inStock: true }),
    ])
  })

  it('should say both totals in words when it refuses', async () => {
    const { error } = await checkoutExpecting(1500)
    expect(error?.message).toMatch(/now £16\.95, not the £15\.00 you were shown/)
  })

  it('should make no order, take no stock and authorise no payment when the total changed', async () => {
    const { store, authorised, deps } = await checkoutExpecting(1500)
    const untouched = catalogueStore().ledgerRows().length
    expect([store.allOrders().length, store.available('MUG-BLUE'), store.ledgerRows().length, authorised, deps.published]).toEqual([0, 10, untouched, [], []])
  })

  it('should release the Idempotency-Key so the same key can place the order at the new total', async () => {
    const { store, deps } = await checkoutExpecting(1500)
    const result = await placeOrder(deps, { body: checkoutBody({ expectedTotal: TOTAL_NOW }), idempotencyKey: 'key-expected-total-1' })
    expect([result.replayed, store.allOrders().length]).toEqual([false, 1])
  })

  it.each([[-1], [12.5], ['1695']])('should refuse an expectedTotal of %p as a bad field', async (expectedTotal) => {
    const error = await rejectionOf(placeOrder(createTestDeps(catalogueStore()), { body: checkoutBody({ expectedTotal }) }))
    expect([error.status, (error.details as { field: string }[])[0].field]).toEqual([400, 'expectedTotal'])
  })
})
