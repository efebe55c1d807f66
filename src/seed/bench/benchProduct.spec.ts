import { SKU_PATTERN } from '../../commerce/sku'
import { benchProduct, benchSlugIndex } from './benchProduct'

describe('benchProduct', () => {
  it('should be the same product for the same number', () => {
    expect(benchProduct(42)).toEqual(benchProduct(42))
  })

  it('should find its number again from its slug', () => {
    expect(benchSlugIndex(benchProduct(1234).slug)).toBe(1234)
  })

  it('should give every fifth product three size variants with valid SKUs', () => {
    const product = benchProduct(10)
    expect(product.sku).toBeUndefined()
    expect(product.skus.map((s) => s.sku)).toEqual(['BEN-00010-S', 'BEN-00010-M', 'BEN-00010-L'])
    expect(product.skus.every((s) => SKU_PATTERN.test(s.sku))).toBe(true)
  })

  it('should give SKUs unique across ten thousand products', () => {
    const skus = Array.from({ length: 10000 }, (_, i) => benchProduct(i + 1)).flatMap((p) => p.skus.map((s) => s.sku))
    expect(new Set(skus).size).toBe(skus.length)
  })
})
