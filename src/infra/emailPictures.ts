import type { Payload } from 'payload'

/** A product picture as the storefront serves it to anyone (CMS_URL may be an internal address): its own /media route. */
export function pictureUrl(storefrontUrl: string, mediaId: number | string): string {
  return `${storefrontUrl.replace(/\/+$/, '')}/media/${encodeURIComponent(String(mediaId))}/thumb`
}

type ProductImages = { sku?: string | null; title?: string; images?: (number | { id: number } | null)[] | null; variants?: { sku?: string | null }[] | null }

/**
 * The first picture and title of the product each SKU belongs to (the product's own SKU or a variant's), for the
 * emails. SKUs whose product has no picture (or is gone) are left out.
 */
export async function productPicturesBySku(
  payload: Pick<Payload, 'find'>,
  skus: readonly string[],
  storefrontUrl: string,
): Promise<Map<string, { imageUrl: string | null; title: string }>> {
  const wanted = [...new Set(skus.filter(Boolean))]
  const found = new Map<string, { imageUrl: string | null; title: string }>()
  if (wanted.length === 0) return found
  const { docs } = await payload.find({
    collection: 'products',
    where: { or: [{ sku: { in: wanted } }, { 'variants.sku': { in: wanted } }] },
    depth: 0,
    limit: wanted.length,
    pagination: false,
    overrideAccess: true,
    select: { sku: true, title: true, images: true, variants: { sku: true } },
  })
  for (const product of docs as ProductImages[]) {
    const first = product.images?.find((image) => image != null)
    const id = typeof first === 'object' && first ? first.id : first
    const entry = { imageUrl: id != null ? pictureUrl(storefrontUrl, id) : null, title: product.title ?? '' }
    for (const sku of [product.sku, ...(product.variants ?? []).map((v) => v.sku)]) if (sku && wanted.includes(sku)) found.set(sku, entry)
  }
  return found
}

/** The SKU → picture URL map the order email takes. */
export function imagesOnly(pictures: Map<string, { imageUrl: string | null }>): Map<string, string> {
  return new Map([...pictures].flatMap(([sku, p]) => (p.imageUrl ? [[sku, p.imageUrl] as [string, string]] : [])))
}
