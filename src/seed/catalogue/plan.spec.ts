import { SKU_PATTERN } from '../../commerce/sku'
import { categoryTree } from './categories'
import { defaultStock, planCatalogue, planSkus } from './plan'

const plan = planCatalogue()
const skus = plan.flatMap((p) => p.skus)
const categorySlugs = new Set(categoryTree.flatMap((top) => [top.slug, ...(top.children ?? []).map((c) => c.slug)]))

describe('the demo catalogue plan', () => {
  it('should hold at least 60 products in at least 8 departments with subcategories', () => {
    expect(plan.length).toBeGreaterThanOrEqual(60)
    expect(categoryTree.filter((top) => (top.children ?? []).length > 0).length).toBeGreaterThanOrEqual(8)
  })

  it('should place every product in a known category, some directly in a department', () => {
    expect(plan.filter((p) => !categorySlugs.has(p.seed.category))).toEqual([])
    expect(plan.some((p) => categoryTree.some((top) => top.slug === p.seed.category))).toBe(true)
  })

  it('should give every SKU a unique, valid code', () => {
    const codes = skus.map((s) => s.sku)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes.filter((code) => !SKU_PATTERN.test(code))).toEqual([])
  })

  it('should give every product a unique slug', () => {
    expect(new Set(plan.map((p) => p.slug)).size).toBe(plan.length)
  })

  it('should leave exactly one SKU out of stock and a few at or below 5', () => {
    expect(skus.filter((s) => s.stock === 0)).toHaveLength(1)
    expect(skus.filter((s) => s.stock > 0 && s.stock <= 5).length).toBeGreaterThanOrEqual(3)
  })

  it('should feature about eight products', () => {
    expect(plan.filter((p) => p.seed.featured)).toHaveLength(8)
  })

  it('should keep SEO fields within their lengths', () => {
    expect(plan.filter((p) => p.seo.title.length > 70 || p.seo.description.length > 170)).toEqual([])
  })

  it('should price a variant by the override of its option', () => {
    const variants = planSkus(
      { title: 'T', category: 'x', price: 1000, weight: 1, description: '', options: [{ name: 'Size', values: ['S', 'XL'], prices: { XL: 1200 } }] },
      'T-001',
    )
    expect(variants.map((v) => [v.sku, v.variantTitle, v.price])).toEqual([
      ['T-001-S', 'S', undefined],
      ['T-001-XL', 'XL', 1200],
    ])
  })

  it('should choose the same stock between 10 and 80 for a SKU every time', () => {
    const levels = ['A-1', 'B-2', 'C-3', 'D-4'].map(defaultStock)
    expect(levels).toEqual(['A-1', 'B-2', 'C-3', 'D-4'].map(defaultStock))
    expect(levels.every((n) => n >= 10 && n <= 80)).toBe(true)
  })
})
