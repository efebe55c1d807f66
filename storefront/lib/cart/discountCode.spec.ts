import { describe, expect, it } from '@jest/globals'
import { parseDiscountCode } from './discountCode'
import { normaliseQuote } from './quote'

describe('parseDiscountCode', () => {
  it('should keep a code as typed without surrounding spaces', () => {
    expect(parseDiscountCode('  save10 ')).toBe('save10')
  })

  it.each([[''], ['   '], ['SAVE 10'], ['x'.repeat(65)], [undefined], [42]])('should refuse %p', (value) => {
    expect(parseDiscountCode(value)).toBeNull()
  })
})

describe('normaliseQuote with a discount code', () => {
  const items = [{ sku: 'MUG-1', quantity: 2 }]
  const line = { sku: 'MUG-1', title: 'Mug', options: [], unitPrice: 1200, quantity: 2, lineTotal: 2400, available: 10 }

  it('should show the discount the code took off and the discounted total', () => {
    const quote = normaliseQuote(
      {
        lines: [line],
        adjustments: [{ code: 'SAVE10', label: 'Discount code SAVE10 (10 % off)', amount: -240 }],
        totals: { subtotal: 2400, discount: 240, shipping: 395, vat: 426, total: 2555 },
        problems: [],
      },
      items,
    )
    expect([quote.discount, quote.totals?.total, quote.codeProblem]).toEqual([{ label: 'Discount code SAVE10 (10 % off)', amount: 240 }, 2555, null])
  })

  it('should keep a refused code apart from the problems that stop checkout', () => {
    const quote = normaliseQuote(
      {
        lines: [line],
        adjustments: [],
        totals: { subtotal: 2400, discount: 0, shipping: 395, vat: 466, total: 2795 },
        problems: [{ field: 'discountCode', code: 'discount_expired', message: 'discount code "OLD" expired on 2026-11-30' }],
      },
      items,
    )
    expect([quote.codeProblem, quote.problems, quote.discount]).toEqual(['discount code "OLD" expired on 2026-11-30', [], null])
  })
})
