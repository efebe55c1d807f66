import { imagesOnly, pictureUrl, productPicturesBySku } from './emailPictures'

const SHOP = 'https://shop.example/'

describe('pictureUrl', () => {
  it('should point at the storefront image route, which anyone can open', () => {
    expect(pictureUrl(SHOP, 7)).toBe('https://shop.example/media/7/thumb')
  })
})

describe('productPicturesBySku', () => {
  const docs = [
    { sku: 'MUG', title: 'Mug', images: [3, 4], variants: [] },
    { sku: null, title: 'Jumper', images: [{ id: 9 }], variants: [{ sku: 'JUMPER-M' }, { sku: 'JUMPER-L' }] },
    { sku: 'BARE', title: 'Bare', images: [], variants: null },
  ]

  it('should give the first picture of the product a SKU (its own or a variant) belongs to', async () => {
    const calls: unknown[] = []
    const payload = { find: async (args: unknown) => (calls.push(args), { docs }) }
    const found = await productPicturesBySku(payload as never, ['MUG', 'JUMPER-M', 'BARE', 'GONE', 'MUG'], SHOP)
    expect(found.get('MUG')).toEqual({ imageUrl: 'https://shop.example/media/3/thumb', title: 'Mug' })
    expect(found.get('JUMPER-M')).toEqual({ imageUrl: 'https://shop.example/media/9/thumb', title: 'Jumper' })
    expect(found.has('JUMPER-L')).toBe(false)
    expect(found.get('BARE')).toEqual({ imageUrl: null, title: 'Bare' })
    expect(found.has('GONE')).toBe(false)
    expect(imagesOnly(found)).toEqual(
      new Map([
        ['MUG', 'https://shop.example/media/3/thumb'],
        ['JUMPER-M', 'https://shop.example/media/9/thumb'],
      ]),
    )
    expect(calls).toHaveLength(1)
  })

  it('should not query for no SKUs', async () => {
    const payload = { find: async () => Promise.reject(new Error('should not be called')) }
    expect((await productPicturesBySku(payload as never, [], SHOP)).size).toBe(0)
  })
})
