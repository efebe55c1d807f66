import { tagsForDocument, tagsForStock } from './tags'

describe('tagsForDocument', () => {
  it('should tag a renamed product under its old and new slugs', () => {
    expect(tagsForDocument('products', { slug: 'new' }, { slug: 'old' })).toEqual(['product:new', 'product:old', 'products'])
  })

  it('should tag a category by slug, the category list and the product pages that name it', () => {
    expect(tagsForDocument('categories', { slug: 'kitchen' })).toEqual(['category:kitchen', 'categories', 'products'])
  })

  it('should tag a media change and the pages that show images', () => {
    expect(tagsForDocument('media', { id: 7 })).toEqual(['media:7', 'products', 'categories'])
  })
})

describe('tagsForStock', () => {
  it('should tag the SKU and the many-SKU stock reads for a change that leaves it in stock', () => {
    expect(tagsForStock('MUG-1', false)).toEqual(['sku:MUG-1', 'inventory'])
  })

  it('should also tag the in-stock badges when the SKU sells out or comes back', () => {
    expect(tagsForStock('MUG-1', true)).toEqual(['sku:MUG-1', 'inventory', 'in-stock'])
  })
})
