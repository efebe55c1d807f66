import { describe, expect, it } from '@jest/globals'
import { toSellable, type ProductForSale } from './sellable'

const stock = { available: 7, threshold: 2 }
const mug: ProductForSale = { title: 'Mug', price: 800, sku: 'MUG', _status: 'published' }
const tee: ProductForSale = {
  title: 'Tee',
  price: 1500,
  _status: 'published',
  variants: [
    { sku: 'TEE-S', title: 'Small', options: [{ name: 'Size', value: 'S' }] },
    { sku: 'TEE-L', title: 'Large', price: 1700, options: [{ name: 'Size', value: 'L' }] },
  ],
}

describe('toSellable', () => {
  it("should sell a simple product's own SKU at its price", () => {
    expect(toSellable('MUG', mug, stock)).toEqual({
      sku: 'MUG',
      title: 'Mug',
      options: [],
      unitPrice: 800,
      published: true,
      purchasable: true,
      available: 7,
      lowStockThreshold: 2,
    })
  })

  it("should title a variant after its product and take the variant's price", () => {
    expect(toSellable('TEE-L', tee, stock)).toMatchObject({ title: 'Tee – Large', unitPrice: 1700, options: [{ name: 'Size', value: 'L' }] })
  })

  it("should fall back to the product's price for a variant without one", () => {
    expect(toSellable('TEE-S', tee, stock).unitPrice).toBe(1500)
  })

  it('should not sell the own SKU of a product that has variants', () => {
    expect(toSellable('TEE', { ...tee, sku: 'TEE' }, stock).purchasable).toBe(false)
  })

  it('should not sell a SKU whose product is gone', () => {
    expect(toSellable('OLD', undefined, stock)).toMatchObject({ title: 'OLD', unitPrice: 0, purchasable: false, published: false })
  })

  it('should mark a draft product unpublished', () => {
    expect(toSellable('MUG', { ...mug, _status: 'draft' }, stock).published).toBe(false)
  })
})
