import { describe, expect, it } from '@jest/globals'
import { CommerceError } from './errors'
import { priceCart, shippingFor } from './pricing'
import type { PricingInput, PricingSettings } from './pricing'
import { createPricingRegistry } from './pricingRegistry'
import type { AdjustmentStep } from './pricingRegistry'

const settings: PricingSettings = {
  vatRate: 20,
  shipping: { flatRate: 495, freeOver: 5000, countries: ['GB', 'IE'] },
}

function cart(overrides: Partial<PricingInput> = {}): PricingInput {
  return {
    lines: [
      { sku: 'MUG', title: 'Mug', unitPrice: 1200, quantity: 2 },
      { sku: 'TEA', title: 'Tea', unitPrice: 450, quantity: 1 },
    ],
    settings,
    ...overrides,
  }
}

const tenPercentOff: AdjustmentStep = {
  name: 'ten-off',
  acceptsDiscountCode: (code) => code === 'TEN',
  adjust: (ctx) => (ctx.discountCode === 'TEN' ? [{ code: 'TEN', label: '10% off', amount: -Math.round(ctx.subtotal / 10) }] : []),
}

async function refusal(promise: Promise<unknown>): Promise<CommerceError> {
  return promise.then(
    () => {
      throw new Error('expected a refusal')
    },
    (error: CommerceError) => error,
  )
}

describe('priceCart', () => {
  it('should total each line as unit price times quantity', async () => {
    const priced = await priceCart(createPricingRegistry(), cart())
    expect(priced.lines.map((l) => l.lineTotal)).toEqual([2400, 450])
  })

  it('should add flat-rate shipping below the free threshold', async () => {
    const priced = await priceCart(createPricingRegistry(), cart())
    expect(priced.totals).toEqual({
      subtotal: 2850,
      discount: 0,
      shipping: 495,
      vat: 558,
      total: 3345,
    })
  })

  it('should ship free when the goods reach the threshold', async () => {
    const lines = [{ sku: 'LAMP', title: 'Lamp', unitPrice: 5000, quantity: 1 }]
    const priced = await priceCart(createPricingRegistry(), cart({ lines }))
    expect(priced.totals.shipping).toBe(0)
  })

  it('should take the VAT part of the total including shipping', async () => {
    const lines = [{ sku: 'PEN', title: 'Pen', unitPrice: 105, quantity: 1 }]
    const priced = await priceCart(createPricingRegistry(), cart({ lines }))
    expect(priced.totals.vat).toBe(100)
  })

  it('should refuse any discount code while no plugin claims codes', async () => {
    const error = await refusal(priceCart(createPricingRegistry(), cart({ discountCode: 'SAVE10' })))
    expect([error.status, error.code, error.details]).toEqual([
      400,
      'unknown_discount_code',
      [{ field: 'discountCode', message: 'unknown discount code "SAVE10"' }],
    ])
  })

  it('should apply a registered discount step', async () => {
    const registry = createPricingRegistry()
    registry.registerAdjustment(tenPercentOff)
    const priced = await priceCart(registry, cart({ discountCode: 'TEN' }))
    expect(priced.adjustments).toEqual([{ code: 'TEN', label: '10% off', amount: -285 }])
  })

  it('should judge free shipping on the goods after adjustments', async () => {
    const registry = createPricingRegistry()
    registry.registerAdjustment(tenPercentOff)
    const lines = [{ sku: 'LAMP', title: 'Lamp', unitPrice: 5000, quantity: 1 }]
    const priced = await priceCart(registry, cart({ lines, discountCode: 'TEN' }))
    expect(priced.totals).toEqual({
      subtotal: 5000,
      discount: 500,
      shipping: 495,
      vat: 833,
      total: 4995,
    })
  })

  it('should still refuse a code the registered plugin does not know', async () => {
    const registry = createPricingRegistry()
    registry.registerAdjustment(tenPercentOff)
    const error = await refusal(priceCart(registry, cart({ discountCode: 'NOPE' })))
    expect(error.code).toBe('unknown_discount_code')
  })

  it('should show each step the adjustments made before it', async () => {
    const registry = createPricingRegistry()
    const seen: number[] = []
    registry.registerAdjustment({
      name: 'a',
      adjust: () => [{ code: 'A', label: 'A', amount: -100 }],
    })
    registry.registerAdjustment({
      name: 'b',
      adjust: (ctx) => (seen.push(ctx.previous.length), []),
    })
    await priceCart(registry, cart())
    expect(seen).toEqual([1])
  })

  it('should never let a discount take the goods below zero', async () => {
    const registry = createPricingRegistry()
    registry.registerAdjustment({
      name: 'huge',
      adjust: () => [{ code: 'X', label: 'X', amount: -99999 }],
    })
    const priced = await priceCart(registry, cart())
    expect(priced.totals).toEqual({
      subtotal: 2850,
      discount: 2850,
      shipping: 495,
      vat: 83,
      total: 495,
    })
  })

  it('should refuse a country the store does not ship to, naming the field given', async () => {
    const fields = { discountCode: 'discountCode', shippingCountry: 'shippingAddress.country' }
    const error = await refusal(priceCart(createPricingRegistry(), cart({ shippingCountry: 'FR' }), fields))
    expect(error.details).toEqual([{ field: 'shippingAddress.country', message: 'we do not ship to FR (we ship to: GB, IE)' }])
  })

  it('should refuse a fractional unit price', async () => {
    const lines = [{ sku: 'X', title: 'X', unitPrice: 9.99, quantity: 1 }]
    await expect(priceCart(createPricingRegistry(), cart({ lines }))).rejects.toThrow('lines.0.unitPrice')
  })
})

describe('createPricingRegistry', () => {
  it('should give each store its own steps', () => {
    const first = createPricingRegistry()
    first.registerAdjustment(tenPercentOff)
    expect(createPricingRegistry().steps()).toEqual([])
  })

  it('should refuse two steps with the same name', () => {
    const registry = createPricingRegistry()
    registry.registerAdjustment(tenPercentOff)
    expect(() => registry.registerAdjustment(tenPercentOff)).toThrow('already registered')
  })
})

describe('shippingFor', () => {
  it('should never be free when freeOver is null', () => {
    const never = { ...settings, shipping: { ...settings.shipping, freeOver: null } }
    expect(shippingFor(1_000_000, never)).toBe(495)
  })
})
