import type { Payload, PayloadRequest, Where } from 'payload'

import type { CatalogueSnapshot, SnapshotQuery, StockRow, StoredProduct } from '../../commerce/csv'
import type { Product } from '../../../payload-types'

type Id = number | string
const CHUNK = 500
const internal = { overrideAccess: true, depth: 0, pagination: false } as const

const idOf = (value: unknown): Id | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? ((value as { id: Id }).id ?? null) : (value as Id)

async function findIn<T>(
  payload: Payload,
  req: PayloadRequest | undefined,
  collection: 'products' | 'inventory' | 'media',
  field: string,
  values: readonly (string | number)[],
) {
  const docs: T[] = []
  for (let i = 0; i < values.length; i += CHUNK) {
    const where: Where = { [field]: { in: values.slice(i, i + CHUNK) } }
    const found = await payload.find({ collection, where, req, ...internal })
    docs.push(...(found.docs as T[]))
  }
  return docs
}

/** Every category's path of slugs ("clothing/knitwear") by id. */
export async function categoryPaths(payload: Payload, req?: PayloadRequest): Promise<Map<Id, string>> {
  const found = await payload.find({ collection: 'categories', req, ...internal, select: { slug: true, parent: true } })
  const byId = new Map(found.docs.map((c) => [c.id as Id, { slug: c.slug ?? '', parent: idOf(c.parent) }]))
  const paths = new Map<Id, string>()
  const pathOf = (id: Id, depth = 0): string => {
    const known = paths.get(id)
    if (known !== undefined) return known
    const category = byId.get(id)
    if (!category) return ''
    const parent = category.parent !== null && depth < 20 ? pathOf(category.parent, depth + 1) : ''
    const path = parent ? `${parent}/${category.slug}` : category.slug
    paths.set(id, path)
    return path
  }
  for (const id of byId.keys()) pathOf(id)
  return paths
}

/** A stored product in the CSV's terms: category paths, media file names, prices in pence. */
export function toStoredProduct(doc: Product, paths: ReadonlyMap<Id, string>, files: ReadonlyMap<Id, string>): StoredProduct {
  return {
    id: doc.id,
    slug: doc.slug ?? '',
    title: doc.title,
    status: (doc as { _status?: string })._status === 'published' ? 'published' : 'draft',
    price: doc.price ?? null,
    compareAtPrice: doc.compareAtPrice ?? null,
    weight: doc.weight ?? null,
    featured: !!doc.featured,
    categories: (doc.categories ?? []).map((c) => paths.get(idOf(c)!) ?? `#${idOf(c)}`),
    images: (doc.images ?? []).map((m) => files.get(idOf(m)!) ?? `#${idOf(m)}`),
    sku: doc.sku || null,
    variants: (doc.variants ?? []).map((v) => ({
      sku: v.sku,
      title: v.title,
      options: (v.options ?? []).map((o) => ({ name: o.name, value: o.value })),
      price: v.price ?? null,
    })),
  }
}

/** Media file names by id, for these ids. */
export async function mediaFiles(payload: Payload, req: PayloadRequest | undefined, ids: readonly Id[]): Promise<Map<Id, string>> {
  const docs = await findIn<{ id: Id; filename?: string | null }>(payload, req, 'media', 'id', [...new Set(ids)] as (string | number)[])
  return new Map(docs.map((m) => [m.id, m.filename ?? '']))
}

export async function stockRows(payload: Payload, req: PayloadRequest | undefined, field: 'sku' | 'product', values: readonly (string | number)[]) {
  type Row = { sku: string; available: number; lowStockThreshold?: number | null; product?: unknown; title?: string | null; variantTitle?: string | null }
  return findIn<Row>(payload, req, 'inventory', field, values)
}

/** Slugs of these products, by id. */
export async function productSlugs(payload: Payload, req: PayloadRequest | undefined, ids: readonly Id[]): Promise<Map<Id, string>> {
  const docs = await findIn<{ id: Id; slug?: string | null }>(payload, req, 'products', 'id', [...new Set(ids)] as (string | number)[])
  return new Map(docs.map((p) => [p.id, p.slug ?? '']))
}

export function toStockRow(row: Awaited<ReturnType<typeof stockRows>>[number], slugs: ReadonlyMap<Id, string>): StockRow {
  const product = idOf(row.product)
  return {
    sku: row.sku,
    available: row.available,
    lowStockThreshold: row.lowStockThreshold ?? 0,
    productSlug: product === null ? null : (slugs.get(product) ?? null),
    title: row.title ?? null,
    variantTitle: row.variantTitle ?? null,
  }
}

/** The shop as the file's plan needs it: its products by slug, its SKUs' stock, and the categories and media it names. */
export async function loadSnapshot(payload: Payload, req: PayloadRequest | undefined, query: SnapshotQuery): Promise<CatalogueSnapshot> {
  const paths = await categoryPaths(payload, req)
  const docs = await findIn<Product>(payload, req, 'products', 'slug', query.slugs)
  const files = await mediaFiles(
    payload,
    req,
    docs.flatMap((d) => (d.images ?? []).map((m) => idOf(m)!)),
  )
  const products = new Map(docs.map((d) => [d.slug ?? '', toStoredProduct(d, paths, files)]))
  const levels = await stockRows(payload, req, 'sku', query.skus)
  const slugs = await productSlugs(
    payload,
    req,
    levels.map((l) => idOf(l.product)).filter((id): id is Id => id !== null),
  )
  const named = await findIn<{ id: Id; filename?: string | null }>(payload, req, 'media', 'filename', query.mediaFiles)
  const wanted = new Set(query.categoryPaths)
  return {
    products,
    stock: new Map(levels.map((l) => [l.sku, toStockRow(l, slugs)])),
    categories: new Map([...paths].filter(([, path]) => wanted.has(path)).map(([id, path]) => [path, id])),
    media: new Map(named.map((m) => [m.filename ?? '', m.id])),
  }
}
