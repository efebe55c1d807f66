import { CommerceError } from '../../src/commerce/errors'
import type { PricedLine } from '../../src/commerce/pricingRegistry'
import type { DiscountCode } from './rules'
import { assertApplicable, assertUsableNow, customerKey, discountAdjustment, discountAmount, eligibleTotal, lineQualifies, normalizeCode } from './rules'

const code = (over: Partial<DiscountCode> = {}): DiscountCode => ({
  id: 1,
  code: 'SAVE10',
  type: 'percentage',
  percentOff: 10,
  amountOff: null,
  minimumSpend: null,
  validFrom: null,
  validTo: null,
  appliesTo: 'cart',
  categoryIds: [],
  productIds: [],
  usageLimit: null,
  perCustomerLimit: null,
  used: 0,
  active: true,
  ...over,
})

const line = (sku: string, lineTotal: number): PricedLine => ({ sku, title: sku, options: [], unitPrice: lineTotal, quantity: 1, lineTotal })
const now = new Date('2026-06-15T12:00:00Z')

const refusalOf = (fn: () => void) => {
  try {
    fn()
  } catch (error) {
    return { status: (error as CommerceError).status, code: (error as CommerceError).code }
  }
  return null
}

describe('normalizeCode', () => {
  it('should upper-case and trim a code', () => {
    expect(normalizeCode('  summer10 ')).toBe('SUMMER10')
  })
})

describe('assertUsableNow', () => {
  it.each([
    ['switched off', { active: false }, 422, 'discount_inactive'],
    ['not valid yet', { validFrom: new Date('2026-06-16T00:00:00Z') }, 422, 'discount_not_yet_valid'],
    ['expired', { validTo: new Date('2026-06-14T23:59:59Z') }, 422, 'discount_expired'],
    ['used up', { usageLimit: 3, used: 3 }, 409, 'discount_limit_reached'],
  ])('should refuse a code that is %s', (_, over, status, errorCode) => {
    expect(refusalOf(() => assertUsableNow(code(over), now))).toEqual({ status, code: errorCode })
  })

  it('should accept a code inside its dates with uses left', () => {
    const within = code({ validFrom: new Date('2026-06-01T00:00:00Z'), validTo: new Date('2026-06-30T00:00:00Z'), usageLimit: 3, used: 2 })
    expect(refusalOf(() => assertUsableNow(within, now))).toBeNull()
  })
})

describe('eligibleTotal', () => {
  const products = new Map([
    ['MUG', { productId: 7, categoryIds: [3] }],
    ['TOWEL', { productId: 8, categoryIds: [4] }],
  ])
  const lines = [line('MUG', 1200), line('TOWEL', 800)]

  it('should count every line for a whole-cart code', () => {
    expect(eligibleTotal(code(), lines, products)).toBe(2000)
  })

  it('should count only the chosen products', () => {
    expect(eligibleTotal(code({ appliesTo: 'products', productIds: ['8'] }), lines, products)).toBe(800)
  })

  it('should count only lines in the chosen categories', () => {
    expect(eligibleTotal(code({ appliesTo: 'categories', categoryIds: [3] }), lines, products)).toBe(1200)
  })

  it('should not count a line whose product is unknown for a product code', () => {
    expect(lineQualifies(code({ appliesTo: 'products', productIds: [7] }), undefined)).toBe(false)
  })
})

describe('assertApplicable', () => {
  it('should refuse a cart below the minimum spend', () => {
    expect(refusalOf(() => assertApplicable(code({ minimumSpend: 5000 }), 4999, 4999))).toEqual({ status: 422, code: 'discount_minimum_not_met' })
  })

  it('should refuse a cart with nothing the code applies to', () => {
    expect(refusalOf(() => assertApplicable(code(), 2000, 0))).toEqual({ status: 422, code: 'discount_not_applicable' })
  })

  it('should accept a cart at exactly the minimum spend', () => {
    expect(refusalOf(() => assertApplicable(code({ minimumSpend: 5000 }), 5000, 5000))).toBeNull()
  })
})

describe('discountAmount', () => {
  it('should round a percentage half up to the penny', () => {
    expect(discountAmount(code({ percentOff: 15 }), 1230)).toBe(185)
  })

  it('should never take more than the eligible goods', () => {
    expect(discountAmount(code({ type: 'fixed', amountOff: 2500, percentOff: null }), 1999)).toBe(1999)
  })

  it('should make a negative adjustment named after the code', () => {
    expect(discountAdjustment(code({ type: 'fixed', amountOff: 500, percentOff: null }), 2000)).toEqual({
      code: 'SAVE10',
      label: 'Discount code SAVE10 (£5.00 off)',
      amount: -500,
    })
  })
})

describe('customerKey', () => {
  it('should key a customer by account and a guest by lower-cased email', () => {
    expect([customerKey(12, 'A@B.com'), customerKey(null, ' A@B.com ')]).toEqual(['customer:12', 'email:a@b.com'])
  })
})
