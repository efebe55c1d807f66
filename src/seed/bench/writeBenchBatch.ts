import { randomBytes } from 'node:crypto'

import { stockStatusOf } from '../../commerce/stockStatus'
import { paragraphsToLexical } from '../richText'
import { INITIAL_STOCK_NOTE } from '../seedStock'
import type { BenchProduct } from './benchProduct'
import { insertRows, table, type DrizzleAdapter, type DrizzleDb } from './drizzle'

export interface BenchRefs {
  imageIds: number[]
  categoryIds: number[]
}

// Array rows keep Payload's own id format (24 hex characters, like an ObjectId).
const arrayRowId = () => randomBytes(12).toString('hex')

function productColumns(p: BenchProduct) {
  return {
    title: p.title,
    slug: p.slug,
    description: paragraphsToLexical([p.description]),
    price: p.price,
    compareAtPrice: p.compareAtPrice ?? null,
    weight: p.weight,
    featured: false,
    sku: p.sku ?? null,
    seo_title: p.seo.title,
    seo_description: p.seo.description,
  }
}

const versioned = (columns: Record<string, unknown>) => Object.fromEntries(Object.entries(columns).map(([key, value]) => [`version_${key}`, value]))

/**
 * One batch of published products written as Payload would store them: the document, its latest version
 * (admin and draft reads use it), relationships, variants, a stock row per SKU and its ledger row. Answers their ids.
 */
export async function writeBenchBatch(adapter: DrizzleAdapter, products: BenchProduct[], refs: BenchRefs): Promise<number[]> {
  const now = new Date().toISOString()
  // Distinct creation times (product n a few ms after n - 1), as products made one by one have: a listing in
  // Payload's default order (-createdAt) is then a total order, not one left to the database's plan.
  const started = Date.now()
  const createdAt = (p: BenchProduct) => new Date(started + p.index).toISOString()
  const t = (name: string) => table(adapter, name)
  return adapter.drizzle.transaction(async (tx: DrizzleDb) => {
    const docs = await insertRows(
      tx,
      t('products'),
      products.map((p) => ({ ...productColumns(p), _status: 'published', createdAt: createdAt(p), updatedAt: createdAt(p) })),
      ['id', 'slug'],
    )
    const productId = new Map(docs.map((d) => [d.slug as string, d.id as number]))
    const versions = await insertRows(
      tx,
      t('_products_v'),
      products.map((p) => ({
        parent: productId.get(p.slug),
        ...versioned({ ...productColumns(p), _status: 'published', createdAt: createdAt(p), updatedAt: createdAt(p) }),
        latest: true,
        createdAt: createdAt(p),
        updatedAt: createdAt(p),
      })),
      ['id', 'parent'],
    )
    const versionId = new Map(versions.map((v) => [v.parent as number, v.id as number]))

    const rels = (parent: (p: BenchProduct) => number) =>
      products.flatMap((p) => [
        { parent: parent(p), path: 'images', order: 1, mediaID: refs.imageIds[p.index % refs.imageIds.length] },
        { parent: parent(p), path: 'categories', order: 1, categoriesID: refs.categoryIds[p.index % refs.categoryIds.length] },
      ])
    const idOf = (p: BenchProduct) => productId.get(p.slug)!
    await insertRows(tx, t('products_rels'), rels(idOf))
    await insertRows(
      tx,
      t('_products_v_rels'),
      rels((p) => versionId.get(idOf(p))!),
    )

    await writeVariants(
      tx,
      adapter,
      products.filter((p) => !p.sku),
      idOf,
      (p) => versionId.get(idOf(p))!,
    )

    const skus = products.flatMap((p) => p.skus.map((s) => ({ ...s, product: idOf(p), title: p.title })))
    await insertRows(
      tx,
      t('inventory'),
      skus.map((s) => ({
        sku: s.sku,
        available: s.stock,
        lowStockThreshold: 5,
        // Raw rows skip the inventory hooks that keep the stored status; the column's default would say 'out'.
        stockStatus: stockStatusOf(s.stock, 5),
        product: s.product,
        title: s.title,
        variantTitle: s.variantTitle ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    await insertRows(
      tx,
      t('stock_movements'),
      skus.map((s) => ({ sku: s.sku, change: s.stock, reason: 'restock', note: INITIAL_STOCK_NOTE, createdAt: now, updatedAt: now })),
    )
    return docs.map((d) => d.id as number)
  })
}

async function writeVariants(
  tx: DrizzleDb,
  adapter: DrizzleAdapter,
  products: BenchProduct[],
  productId: (p: BenchProduct) => number,
  versionId: (p: BenchProduct) => number,
): Promise<void> {
  if (products.length === 0) return
  const variants = products.flatMap((p) =>
    p.skus.map((s, i) => ({ product: p, sku: s, id: arrayRowId(), optionIds: s.options.map(() => arrayRowId()), order: i + 1 })),
  )
  const base = (v: (typeof variants)[number]) => ({ _order: v.order, sku: v.sku.sku, title: v.sku.variantTitle, price: v.sku.price ?? null })
  await insertRows(
    tx,
    table(adapter, 'products_variants'),
    variants.map((v) => ({ ...base(v), _parentID: productId(v.product), id: v.id })),
  )
  await insertRows(
    tx,
    table(adapter, 'products_variants_options'),
    variants.flatMap((v) => v.sku.options.map((o, i) => ({ _order: i + 1, _parentID: v.id, id: v.optionIds[i], ...o }))),
  )
  const versionRows = await insertRows(
    tx,
    table(adapter, '_products_v_version_variants'),
    variants.map((v) => ({ ...base(v), _parentID: versionId(v.product), _uuid: v.id })),
    ['id', '_uuid'],
  )
  const versionVariantId = new Map(versionRows.map((r) => [r._uuid as string, r.id as number]))
  await insertRows(
    tx,
    table(adapter, '_products_v_version_variants_options'),
    variants.flatMap((v) => v.sku.options.map((o, i) => ({ _order: i + 1, _parentID: versionVariantId.get(v.id), _uuid: v.optionIds[i], ...o }))),
  )
}
