import { describe, expect, it } from '@jest/globals'
import type { Product } from '../cms/types'
import { productJsonLd, serialiseJsonLd } from './productJsonLd'
import { variantDimensions } from '../images/pickMediaFile'
import { galleryImage, priceRange, productSkus, purchasableSkus, stockLabel } from './productView'

const tee: Product = {
  id: 1,
  title: 'Tee',
  slug: 'tee',
  price: 1500,
  variants: [
    { sku: 'TEE-S', title: 'Small', options: [{ name: 'Size', value: 'S' }] },
    { sku: 'TEE-L', title: 'Large', price: 1700 },
  ],
}
const mug: Product = { id: 2, title: 'Mug', slug: 'mug', price: 899, sku: 'MUG' }

describe('purchasableSkus', () => {
  it('should give each variant its own price, falling back to the product price', () => {
    const skus = purchasableSkus(tee, new Map([['TEE-S', 3]]))
    expect(skus.map((s) => [s.sku, s.price, s.available])).toEqual([
      ['TEE-S', 1500, 3],
      ['TEE-L', 1700, 0],
    ])
  })
  it('should sell a product without variants by its own SKU', () => {
    expect(purchasableSkus(mug, new Map([['MUG', 9]]))).toEqual([{ sku: 'MUG', title: 'Mug', options: [], price: 899, available: 9 }])
  })
})

describe('productSkus and priceRange', () => {
  it('should list variant SKUs and their price range', () => {
    expect([productSkus(tee), priceRange(tee)]).toEqual([['TEE-S', 'TEE-L'], { min: 1500, max: 1700 }])
  })
})

describe('stockLabel', () => {
  it('should say out of stock, only N left, or in stock', () => {
    expect([stockLabel(0), stockLabel(2), stockLabel(50)]).toEqual(['Out of stock', 'Only 2 left', 'In stock'])
  })
})

describe('productJsonLd', () => {
  it('should describe one offer per variant with GBP prices and availability', () => {
    const data = productJsonLd(tee, purchasableSkus(tee, new Map([['TEE-S', 1]])), { baseUrl: 'https://shop.test', description: 'Soft', imageUrls: [] })
    expect(data.offers).toEqual([
      expect.objectContaining({ sku: 'TEE-S', price: '15.00', priceCurrency: 'GBP', availability: 'https://schema.org/InStock' }),
      expect.objectContaining({ sku: 'TEE-L', price: '17.00', availability: 'https://schema.org/OutOfStock' }),
    ])
  })
  it('should give a single-SKU product its sku and one offer', () => {
    const data = productJsonLd(mug, purchasableSkus(mug, new Map()), {
      baseUrl: 'https://shop.test',
      description: '',
      imageUrls: ['https://shop.test/media/1/large'],
    })
    expect([data.sku, (data.offers as { url: string }).url, data.image]).toEqual(['MUG', 'https://shop.test/products/mug', ['https://shop.test/media/1/large']])
  })
})

describe('serialiseJsonLd', () => {
  it('should escape characters that could close the script element', () => {
    expect(serialiseJsonLd({ name: '</script><b>&' })).toBe('{"name":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}')
  })
})

describe('galleryImage', () => {
  const photo = {
    id: 7,
    alt: 'A mug',
    url: '/api/media/file/mug.jpg',
    filename: 'mug.jpg',
    mimeType: 'image/jpeg',
    width: 3000,
    height: 2000,
    sizes: {
      thumbnail: { url: '/t.jpg', filename: 'mug-300x300.jpg', width: 300, height: 300, mimeType: 'image/jpeg' },
      large: { url: '/l.jpg', filename: 'mug-1600x1067.jpg', width: 1600, height: 1067, mimeType: 'image/jpeg' },
    },
  }
  it('should keep what the gallery shows (id, alt, the large size) and drop file names and URLs', () => {
    const slim = galleryImage(photo)
    expect([slim, variantDimensions(slim, 'large')]).toEqual([
      { id: 7, alt: 'A mug', width: 3000, height: 2000, sizes: { large: { width: 1600, height: 1067 } } },
      variantDimensions(photo, 'large'),
    ])
  })
  it('should fall back to the original dimensions when there is no large size', () => {
    const { sizes: _sizes, ...original } = photo
    expect(variantDimensions(galleryImage(original), 'large')).toEqual({ width: 3000, height: 2000 })
  })
})
