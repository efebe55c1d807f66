import { describe, expect, it } from '@jest/globals'
import { catalogueStore } from '../../../tests/fakes/catalogueStore'
import { CommerceError } from '../errors'
import { createPricingRegistry } from '../pricingRegistry'
import { quoteCart } from './quoteCart'
import { createTestDeps, rejectionOf } from '../../../tests/fakes/testing'

function quote(body: unknown) {
  return quoteCart(createTestDeps(catalogueStore()), body)
}

describe('quoteCart', () => {
  it('should price lines and totals without writing anything', async () => {
    const store = catalogueStore()
    const result = await quoteCart(createTestDeps(store), { items: [{ sku: 'TEA', quantity: 2 }] })
    expect([result.totals, store.available('TEA'), store.transactions]).toEqual([{ subtotal: 900, discount: 0, shipping: 495, vat: 233, total: 1395 }, 3, 0])
  })

  it('should show availability per line', async () => {
    const result = await quote({ items: [{ sku: 'TEA', quantity: 2 }] })
    expect(result.lines.map((l) => [l.sku, l.available, l.inStock])).toEqual([['TEA', 3, true]])
  })

  it('should merge repeated SKUs', async () => {
    const result = await quote({
      items: [
        { sku: 'TEA', quantity: 1 },
        { sku: 'TEA', quantity: 1 },
      ],
    })
    expect(result.lines.map((l) => [l.sku, l.quantity])).toEqual([['TEA', 2]])
  })

  it('should list an unknown SKU as a problem and price the rest', async () => {
    const result = await quote({
      items: [
        { sku: 'TEA', quantity: 1 },
        { sku: 'NOPE', quantity: 1 },
      ],
    })
    expect([result.problems, result.totals.subtotal]).toEqual([
      [
        {
          field: 'items.1.sku',
          code: 'unavailable_sku',
          message: 'unknown SKU "NOPE"',
          sku: 'NOPE',
        },
      ],
      450,
    ])
  })

  it('should list an unpublished SKU as a problem', async () => {
    const result = await quote({ items: [{ sku: 'LAMP', quantity: 1 }] })
    expect(result.problems.map((p) => p.message)).toEqual(['"LAMP" is not on sale'])
  })

  it('should list short stock with the available count', async () => {
    const result = await quote({ items: [{ sku: 'TEA', quantity: 5 }] })
    expect(result.problems).toEqual([
      {
        field: 'items.0.quantity',
        code: 'insufficient_stock',
        message: 'only 3 of "TEA" in stock',
        sku: 'TEA',
        requested: 5,
        available: 3,
      },
    ])
  })

  it('should list an unknown discount code and price without it', async () => {
    const result = await quote({ items: [{ sku: 'TEA', quantity: 1 }], discountCode: 'SAVE' })
    expect([result.problems.map((p) => p.code), result.totals.discount]).toEqual([['unknown_discount_code'], 0])
  })

  it('should list a code a step refuses under that step’s own code and price without it', async () => {
    const pricing = createPricingRegistry()
    pricing.registerAdjustment({
      name: 'expired',
      acceptsDiscountCode: () => {
        throw new CommerceError(422, 'discount_expired', 'expired', [{ field: 'discountCode', message: 'discount code "OLD" expired' }])
      },
      adjust: (ctx) => (ctx.discountCode === 'OLD' ? [{ code: 'OLD', label: 'Old', amount: -100 }] : []),
    })
    const result = await quoteCart(createTestDeps(catalogueStore(), { pricing }), { items: [{ sku: 'TEA', quantity: 1 }], discountCode: 'OLD' })
    expect([result.problems, result.totals.discount]).toEqual([
      [{ field: 'discountCode', message: 'discount code "OLD" expired', code: 'discount_expired' }],
      0,
    ])
  })

  it('should list a country the store does not ship to', async () => {
    const result = await quote({ items: [{ sku: 'TEA', quantity: 1 }], shippingCountry: 'US' })
    expect(result.problems).toEqual([
      {
        field: 'shippingCountry',
        code: 'country_not_shipped',
        message: 'we do not ship to US (we ship to: GB)',
      },
    ])
  })

  it('should give zero totals when nothing can be bought', async () => {
    const result = await quote({ items: [{ sku: 'NOPE', quantity: 1 }] })
    expect(result.totals).toEqual({ subtotal: 0, discount: 0, shipping: 0, vat: 0, total: 0 })
  })

  it('should still refuse a malformed body with 400', async () => {
    const error = await rejectionOf(quote({ items: [{ sku: 'TEA', quantity: 0 }] }))
    expect([error.status, error.details]).toEqual([400, [{ field: 'items.0.quantity', message: 'must be at least 1' }]])
  })
})
