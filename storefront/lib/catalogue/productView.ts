import type { Media, Product, VariantOption } from '../cms/types'
import { isMedia } from '../cms/types'

// The CMS's own rule for which SKUs a product sells.
export { productSkus } from '../../../src/commerce/sku'

/** Below this many units a product says "only N left" (the public API hides each SKU's threshold). */
export const LOW_STOCK = 5

export interface PurchasableSku {
  sku: string
  title: string
  options: VariantOption[]
  price: number
  available: number
  /** The variant's own picture, shown first when it is picked. */
  imageId?: Media['id']
}

export function hasVariants(product: Pick<Product, 'variants'>): boolean {
  return (product.variants?.length ?? 0) > 0
}

/** Each buyable SKU with its own price and stock (0 when the CMS has no stock row). */
export function purchasableSkus(product: Product, stock: ReadonlyMap<string, number>): PurchasableSku[] {
  if (hasVariants(product)) {
    return (product.variants ?? []).map((v) => ({
      sku: v.sku,
      title: v.title,
      options: v.options ?? [],
      price: v.price ?? product.price,
      available: stock.get(v.sku) ?? 0,
      ...(isMedia(v.image) ? { imageId: v.image.id } : {}),
    }))
  }
  if (!product.sku) return []
  return [{ sku: product.sku, title: product.title, options: [], price: product.price, available: stock.get(product.sku) ?? 0 }]
}

export function priceRange(product: Pick<Product, 'price' | 'variants'>): { min: number; max: number } {
  const prices = hasVariants(product) ? (product.variants ?? []).map((v) => v.price ?? product.price) : [product.price]
  return { min: Math.min(...prices), max: Math.max(...prices) }
}

export function stockLabel(available: number): string {
  if (available <= 0) return 'Out of stock'
  if (available <= LOW_STOCK) return `Only ${available} left`
  return 'In stock'
}

/** The product's pictures, then any variant's own picture not among them. */
export function productImages(product: Pick<Product, 'images' | 'variants'>): Media[] {
  const images = (product.images ?? []).filter(isMedia)
  const seen = new Set(images.map((i) => i.id))
  for (const variant of product.variants ?? []) {
    if (isMedia(variant.image) && !seen.has(variant.image.id)) {
      seen.add(variant.image.id)
      images.push(variant.image)
    }
  }
  return images
}

/**
 * What the gallery (a client component) needs of a picture: its id, alt text and the `large` size's dimensions. The rest of
 * the media document (file names, URLs, every size) would only lengthen the page's RSC payload.
 */
export function galleryImage(media: Media): Media {
  const large = media.sizes?.large
  return {
    id: media.id,
    alt: media.alt,
    width: media.width,
    height: media.height,
    ...(large ? { sizes: { large: { width: large.width, height: large.height } } } : {}),
  }
}
