import { describe, expect, it } from '@jest/globals'
import type { Media, Product } from '../cms/types'
import { picturesBySku } from './pictures'

const media = (id: number): Media => ({ id, alt: `Picture ${id}`, url: `/media/${id}.jpg`, width: 100, height: 100 })

describe('picturesBySku', () => {
  it('should give a variant its own picture, else its product’s first, and a simple product its first', () => {
    const products: Product[] = [
      {
        id: 1,
        title: 'Jumper',
        slug: 'jumper',
        price: 6500,
        images: [media(10), media(11)],
        variants: [
          { sku: 'J-NAVY', title: 'Navy', image: media(12) },
          { sku: 'J-OAT', title: 'Oat' },
        ],
      },
      { id: 2, title: 'Mug', slug: 'mug', price: 900, sku: 'MUG', images: [] },
    ]
    const pictures = picturesBySku(products)
    expect(pictures.get('J-NAVY')).toEqual({ slug: 'jumper', image: media(12) })
    expect(pictures.get('J-OAT')?.image?.id).toBe(10)
    expect(pictures.get('MUG')).toEqual({ slug: 'mug', image: null })
    expect(pictures.has('OTHER')).toBe(false)
  })
})
