import { PRICE_BANDS, fromPrice, priceBandOf } from './priceBands'

describe('priceBandOf', () => {
  it.each([
    [0, 'under-10'],
    [999, 'under-10'],
    [1000, '10-25'],
    [2499, '10-25'],
    [2500, '25-50'],
    [4999, '25-50'],
    [5000, '50-100'],
    [9999, '50-100'],
    [10000, '100-plus'],
    [1_000_000, '100-plus'],
  ])('should put %i pence in %s', (pence, key) => {
    expect(priceBandOf(pence)).toBe(key)
  })

  it('should put a negative price in the lowest band', () => {
    expect(priceBandOf(-1)).toBe('under-10')
  })

  it('should have bands that meet without gaps or overlaps', () => {
    const gaps = PRICE_BANDS.slice(1).map((band, i) => band.min - (PRICE_BANDS[i].max ?? Infinity))
    expect(gaps).toEqual(PRICE_BANDS.slice(1).map(() => 1))
  })
})

describe('fromPrice', () => {
  it('should be the product price when it has no variants', () => {
    expect(fromPrice(6500, [])).toBe(6500)
  })

  it('should be the cheapest variant, a variant without a price costing the product price', () => {
    expect([fromPrice(6500, [null, 6900]), fromPrice(6500, [7000, 5900, undefined])]).toEqual([6500, 5900])
  })
})
