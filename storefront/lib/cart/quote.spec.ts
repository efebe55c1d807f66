import { describe, expect, it } from '@jest/globals'
import { hasPriceChanges, hasProblems, normaliseQuote, priceChangeMessage } from './quote'

const items = [
  { sku: 'TEE-M', quantity: 3 },
  { sku: 'MUG', quantity: 1 },
]
const totals = { subtotal: 5400, discount: 0, shipping: 0, vat: 900, total: 5400 }

describe('normaliseQuote', () => {
  it('should show priced lines and totals in cart order', () => {
    const quote = normaliseQuote(
      {
        lines: [
          { sku: 'MUG', title: 'Mug', options: [], unitPrice: 900, quantity: 1, lineTotal: 900, available: 10 },
          { sku: 'TEE-M', title: 'Tee', options: [{ name: 'Size', value: 'M' }], unitPrice: 1500, quantity: 3, lineTotal: 4500, available: 10 },
        ],
        totals,
        problems: [],
      },
      items,
    )
    expect([quote.lines.map((l) => [l.sku, l.title, l.lineTotal, l.problem]), quote.totals]).toEqual([
      [
        ['TEE-M', 'Tee', 4500, null],
        ['MUG', 'Mug', 900, null],
      ],
      totals,
    ])
  })
  it('should say "only 2 left" for a stock problem beside its line', () => {
    const quote = normaliseQuote(
      { lines: [], totals, problems: [{ sku: 'TEE-M', code: 'insufficient_stock', message: 'x', requested: 3, available: 2 }] },
      items,
    )
    expect(quote.lines[0].problem).toBe('Only 2 left')
  })
  it('should find the line of a problem named by its items path', () => {
    const quote = normaliseQuote({ problems: [{ field: 'items.1.sku', message: 'unknown SKU "MUG"' }] }, items)
    expect(quote.lines[1].problem).toBe('unknown SKU "MUG"')
  })
  it('should flag a line the stock count cannot cover even without a problem entry', () => {
    const quote = normaliseQuote({ lines: [{ sku: 'TEE-M', unitPrice: 1500, lineTotal: 4500, available: 0 }], totals }, items)
    expect(quote.lines.map((l) => l.problem)).toEqual(['Out of stock', 'Not available'])
  })
  it('should keep problems without a SKU apart', () => {
    const quote = normaliseQuote({ lines: [], totals, problems: [{ code: 'unknown_discount_code', message: 'Unknown discount code "X"' }] }, items)
    expect([quote.problems, hasProblems(quote)]).toEqual([['Unknown discount code "X"'], true])
  })
  it('should have no totals when the answer has none', () => {
    expect(normaliseQuote(null, items).totals).toBeNull()
  })
})

describe('a price changed since the line was added', () => {
  const priced = { lines: [{ sku: 'TEE-M', title: 'Tee', unitPrice: 6500, quantity: 1, lineTotal: 6500, available: 5 }], totals }
  it('should say what it was and what it is now', () => {
    const quote = normaliseQuote(priced, [{ sku: 'TEE-M', quantity: 1, seenPrice: 6700 }])
    expect([quote.lines[0].priceChange, hasPriceChanges(quote)]).toEqual([{ was: 6700, now: 6500 }, true])
  })
  it('should say nothing when the price is the one shown', () => {
    expect(normaliseQuote(priced, [{ sku: 'TEE-M', quantity: 1, seenPrice: 6500 }]).lines[0].priceChange).toBeNull()
  })
  it('should say nothing when no price was recorded for the line', () => {
    expect(normaliseQuote(priced, [{ sku: 'TEE-M', quantity: 1 }]).lines[0].priceChange).toBeNull()
  })
  it('should read as a sentence in pounds', () => {
    expect(priceChangeMessage({ was: 6700, now: 6500 })).toBe('The price has gone down from £67.00 to £65.00 since you added it.')
  })
})
