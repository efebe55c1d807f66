import { describe, expect, it } from '@jest/globals'
import { CommerceError } from '../errors'
import { createPricingRegistry } from '../pricingRegistry'
import type { AdjustmentStep, RedemptionContext } from '../pricingRegistry'
import { placeOrder } from './placeOrder'
import { catalogueStore } from '../../../tests/fakes/catalogueStore'
import { checkoutBody, createTestDeps, rejectionOf } from '../../../tests/fakes/testing'

/** A code step that takes £1 off WELCOME and records (or refuses) its redemption. */
function welcomeStep(redeem: (ctx: RedemptionContext) => Promise<void>): AdjustmentStep {
  return {
    name: 'welcome',
    acceptsDiscountCode: (code) => code === 'WELCOME',
    adjust: (ctx) => (ctx.discountCode === 'WELCOME' ? [{ code: 'WELCOME', label: 'Welcome', amount: -100 }] : []),
    redeem,
  }
}

function depsWith(step: AdjustmentStep) {
  const store = catalogueStore()
  const pricing = createPricingRegistry()
  pricing.registerAdjustment(step)
  return { store, deps: createTestDeps(store, { pricing }) }
}

describe('placeOrder with a pricing step that redeems', () => {
  it('should hand the step the new order, the code, the shopper and the adjustments inside the transaction', async () => {
    const seen: RedemptionContext[] = []
    const { store, deps } = depsWith(welcomeStep(async (ctx) => void seen.push(ctx)))
    const result = await placeOrder(deps, { body: checkoutBody({ discountCode: 'WELCOME' }) })
    expect(seen.map((s) => [s.order.id, s.discountCode, s.customerId, s.email, s.adjustments])).toEqual([
      [result.order.id, 'WELCOME', null, 'ada@example.com', [{ code: 'WELCOME', label: 'Welcome', amount: -100 }]],
    ])
    expect(store.allOrders()[0].discountCode).toBe('WELCOME')
  })

  it('should make no order and give the stock back when the step refuses the redemption', async () => {
    const { store, deps } = depsWith(
      welcomeStep(async () => {
        throw new CommerceError(409, 'discount_limit_reached', 'used up')
      }),
    )
    const error = await rejectionOf(placeOrder(deps, { body: checkoutBody({ items: [{ sku: 'TEA', quantity: 2 }], discountCode: 'WELCOME' }) }))
    expect([error.status, error.code]).toEqual([409, 'discount_limit_reached'])
    expect([store.allOrders(), store.available('TEA')]).toEqual([[], 3])
  })
})
