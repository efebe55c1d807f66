import { describe, expect, it } from '@jest/globals'
import { checkProductSkus, normaliseSku, parseSku, productSkus } from './sku'

describe('normaliseSku', () => {
  it('should trim and upper-case a typed SKU', () => {
    expect(normaliseSku('  tee-s ')).toBe('TEE-S')
  })

  it('should pass anything but a string through unchanged', () => {
    expect(normaliseSku(42)).toBe(42)
  })
})

describe('parseSku', () => {
  it('should accept a SKU in any case', () => {
    expect(parseSku('mug-1')).toBe('MUG-1')
  })

  it('should refuse a SKU with other characters', () => {
    expect(parseSku('MUG_1')).toBeNull()
  })

  it('should refuse a SKU starting with a hyphen', () => {
    expect(parseSku('-MUG')).toBeNull()
  })

  it('should refuse a one-character SKU', () => {
    expect(parseSku('M')).toBeNull()
  })
})

describe('productSkus', () => {
  it('should list one SKU per variant', () => {
    expect(productSkus({ sku: null, variants: [{ sku: 'TEE-S' }, { sku: 'TEE-L' }] })).toEqual(['TEE-S', 'TEE-L'])
  })

  it("should list a simple product's own SKU", () => {
    expect(productSkus({ sku: 'MUG-1', variants: [] })).toEqual(['MUG-1'])
  })

  it('should list nothing for a product without SKUs', () => {
    expect(productSkus({})).toEqual([])
  })
})

describe('checkProductSkus', () => {
  it('should claim a valid SKU at its field path', () => {
    expect(checkProductSkus({ sku: 'MUG-1' })).toEqual({ problems: [], claimed: new Map([['MUG-1', 'sku']]) })
  })

  it('should refuse a malformed SKU', () => {
    expect(checkProductSkus({ sku: 'mug 1' }).problems).toEqual([{ path: 'sku', message: 'SKU must be 2–64 capital letters, digits or hyphens' }])
  })

  it('should refuse a SKU used twice in one product', () => {
    const { problems } = checkProductSkus({ variants: [{ sku: 'TEE-S' }, { sku: 'TEE-S' }] })
    expect(problems).toEqual([{ path: 'variants.1.sku', message: 'SKU TEE-S is used twice in this product' }])
  })

  it('should refuse a SKU of its own beside variants', () => {
    const { problems } = checkProductSkus({ sku: 'TEE', variants: [{ sku: 'TEE-S' }] })
    expect(problems.map((p) => p.path)).toEqual(['sku'])
  })

  it('should let a draft have no SKU yet', () => {
    expect(checkProductSkus({ _status: 'draft' }).problems).toEqual([])
  })

  it('should require a SKU of a published product', () => {
    expect(checkProductSkus({ _status: 'published' }).problems.map((p) => p.path)).toEqual(['sku'])
  })
})
