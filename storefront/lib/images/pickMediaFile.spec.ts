import { describe, expect, it } from '@jest/globals'
import cmsImageLoader from './cmsImageLoader'
import { pickMediaFile, variantDimensions } from './pickMediaFile'

const media = {
  filename: 'mug.jpg',
  mimeType: 'image/jpeg',
  width: 2400,
  height: 1800,
  sizes: {
    thumbnail: { filename: 'mug-300x300.webp', width: 300, height: 300 },
    card: { filename: 'mug-600x600.webp', width: 600, height: 600 },
    large: { filename: 'mug-1600x1200.webp', width: 1600, height: 1200 },
  },
}

describe('pickMediaFile', () => {
  it('should send the thumbnail for a small card and the card size for a larger one', () => {
    expect([pickMediaFile(media, 'card', 256)?.filename, pickMediaFile(media, 'card', 640)?.filename]).toEqual(['mug-300x300.webp', 'mug-600x600.webp'])
  })
  it('should send the large size for the gallery', () => {
    expect(pickMediaFile(media, 'large', 828)?.filename).toBe('mug-1600x1200.webp')
  })
  it('should fall back to the original when a size was not generated', () => {
    expect(pickMediaFile({ ...media, sizes: { large: { filename: null } } }, 'large', 1080)?.filename).toBe('mug.jpg')
  })
  it('should give nothing for a document without files', () => {
    expect(pickMediaFile({ filename: null, sizes: null }, 'thumb', 100)).toBeNull()
  })
})

describe('variantDimensions', () => {
  it('should keep the large size aspect ratio and square crops for cards', () => {
    expect([variantDimensions(media, 'large'), variantDimensions(media, 'card')]).toEqual([
      { width: 1600, height: 1200 },
      { width: 600, height: 600 },
    ])
  })
})

describe('cmsImageLoader', () => {
  it('should ask our media route for the width and leave other sources alone', () => {
    expect([cmsImageLoader({ src: '/media/4/card', width: 384 }), cmsImageLoader({ src: '/placeholder.svg', width: 384 })]).toEqual([
      '/media/4/card?w=384',
      '/placeholder.svg',
    ])
  })
})
