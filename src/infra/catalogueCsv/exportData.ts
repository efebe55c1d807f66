import type { Payload, PayloadRequest, Where } from 'payload'

import { productExportRows, stockExportRows, toCsv, type CsvKind } from '../../commerce/csv'
import type { Product } from '../../../payload-types'
import { categoryPaths, mediaFiles, productSlugs, stockRows, toStockRow, toStoredProduct } from './snapshot'

type Id = number | string
export const COLLECTION_OF: Record<CsvKind, 'products' | 'inventory'> = { products: 'products', stock: 'inventory' }

/** The admin list's filter: its `where` and its search box (a `like` on the list's searchable fields). */
export function listWhere(searchable: readonly string[], where: Where | undefined, search: string | undefined): Where {
  const parts: Where[] = []
  if (where && Object.keys(where).length > 0) parts.push(where)
  if (search && search.trim()) parts.push({ or: searchable.map((field) => ({ [field]: { like: search.trim() } })) })
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { and: parts }
}

const idOf = (value: unknown): Id => (typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id))

/** The CSV of the products or stock levels this user may read that match `where`, as the list shows them. */
export async function exportCsv(payload: Payload, req: PayloadRequest, kind: CsvKind, where: Where): Promise<{ csv: string; rows: number }> {
  const options = { req, user: req.user, overrideAccess: false, depth: 0, pagination: false, where } as const
  if (kind === 'stock') {
    const found = await payload.find({ collection: 'inventory', sort: 'sku', ...options })
    const slugs = await productSlugs(
      payload,
      req,
      found.docs
        .map((d) => d.product)
        .filter(Boolean)
        .map(idOf),
    )
    const rows = found.docs.map((d) => toStockRow(d as never, slugs))
    return { csv: toCsv(stockExportRows(rows)), rows: rows.length }
  }
  const found = await payload.find({ collection: 'products', sort: 'slug', ...options })
  const docs = found.docs as Product[]
  const paths = await categoryPaths(payload, req)
  const files = await mediaFiles(
    payload,
    req,
    docs.flatMap((d) => (d.images ?? []).map(idOf)),
  )
  const products = docs.map((d) => toStoredProduct(d, paths, files))
  const skus = products.flatMap((p) => (p.variants.length ? p.variants.map((v) => v.sku) : p.sku ? [p.sku] : []))
  const levels = await stockRows(payload, req, 'sku', skus)
  const stock = new Map(levels.map((l) => [l.sku, toStockRow(l, new Map())]))
  return { csv: toCsv(productExportRows(products, stock)), rows: skus.length }
}
