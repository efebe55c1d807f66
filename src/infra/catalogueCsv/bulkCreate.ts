import { randomBytes } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'

import type { CatalogueSnapshot, ProductChange } from '../../commerce/csv'
import { stockStatusOf } from '../../commerce/stockStatus'
import { insertJson, type JsonColumn } from './jsonInsert'

type Id = number | string
type Row = Record<string, unknown>

const TIME = 'timestamp(3) with time zone'
const PRODUCT: JsonColumn[] = [
  ['title', 'varchar'],
  ['slug', 'varchar'],
  ['price', 'numeric'],
  ['compare_at_price', 'numeric'],
  ['weight', 'numeric'],
  ['featured', 'boolean'],
  ['sku', 'varchar'],
]
const VARIANT: JsonColumn[] = [
  ['_order', 'integer'],
  ['_parent_id', 'integer'],
  ['sku', 'varchar'],
  ['title', 'varchar'],
  ['price', 'numeric'],
]
const OPTION: JsonColumn[] = [
  ['_order', 'integer'],
  ['name', 'varchar'],
  ['value', 'varchar'],
]
const RELATION: JsonColumn[] = [
  ['order', 'integer'],
  ['parent_id', 'integer'],
  ['path', 'varchar'],
  ['categories_id', 'integer'],
  ['media_id', 'integer'],
]
const STOCK_ROW: JsonColumn[] = [
  ['sku', 'varchar'],
  ['available', 'numeric'],
  ['low_stock_threshold', 'numeric'],
  ['stock_status', 'enum_inventory_stock_status'],
  ['product_id', 'integer'],
  ['title', 'varchar'],
  ['variant_title', 'varchar'],
  ['updated_at', TIME],
  ['created_at', TIME],
]

/** A new SKU's stock row as the import leaves it; its units arrive through the ledger rows written beside it. */
export interface NewSku {
  sku: string
  title: string
  variantTitle: string | null
  available: number
  lowStockThreshold: number
}

/** Payload's id for an array row (a 24-hex ObjectId-like string, as its own creates write). */
const arrayRowId = () => randomBytes(12).toString('hex')

/** The product's own columns, with the versions table's `version_` prefix when asked. */
function productColumns(change: ProductChange, prefix = ''): Row {
  const p = change.product
  const columns: Row = { title: p.title, slug: p.slug, price: p.price, compare_at_price: p.compareAtPrice, weight: p.weight, featured: p.featured, sku: p.sku }
  return Object.fromEntries(Object.entries(columns).map(([key, value]) => [`${prefix}${key}`, value]))
}

const prefixed = (columns: readonly JsonColumn[], prefix: string): JsonColumn[] => columns.map(([name, type]) => [`${prefix}${name}`, type])

function relationRows(change: ProductChange, parent: Id, snapshot: CatalogueSnapshot, pathPrefix = ''): Row[] {
  const categories = change.product.categories.map((path, i) => ({
    order: i + 1,
    parent_id: parent,
    path: `${pathPrefix}categories`,
    categories_id: snapshot.categories.get(path),
  }))
  const images = change.product.images.map((name, i) => ({ order: i + 1, parent_id: parent, path: `${pathPrefix}images`, media_id: snapshot.media.get(name) }))
  return [...categories, ...images]
}

/**
 * Creates the plan's new products with a few multi-row INSERTs on the import's transaction, writing exactly the rows
 * Payload's own create writes (the product, its variants and options, its category and image relations, and its first
 * version, marked latest), plus a stock row per SKU. Payload's per-document create ran validation, a dozen hooks and
 * a read-back for each product (about 58 ms on PostgreSQL); what those hooks did is done once, in bulk, by the caller.
 * Returns the new products' ids in plan order.
 */
export async function createProducts(
  payload: Payload,
  req: PayloadRequest,
  creates: readonly ProductChange[],
  snapshot: CatalogueSnapshot,
  skus: ReadonlyMap<string, NewSku>,
  onCreated: () => void,
): Promise<Id[]> {
  if (creates.length === 0) return []
  const now = new Date().toISOString()
  const insert = <T extends Row = Row>(table: string, columns: readonly JsonColumn[], rows: readonly Row[], returning?: string[]) =>
    insertJson<T>(payload, req, table, columns, rows, returning)
  const made = await insert<{ id: Id; slug: string }>(
    'products',
    [...PRODUCT, ['_status', 'enum_products_status'], ['updated_at', TIME], ['created_at', TIME]],
    creates.map((c) => ({ ...productColumns(c), _status: c.product.status, updated_at: now, created_at: now })),
    ['id', 'slug'],
  )
  const ids = new Map(made.map((row) => [row.slug, row.id]))
  const idOf = (c: ProductChange) => ids.get(c.slug)!
  const variants: Row[] = []
  const options: Row[] = []
  for (const change of creates) {
    for (const [order, variant] of change.product.variants.entries()) {
      const id = arrayRowId()
      variants.push({ _order: order + 1, _parent_id: idOf(change), id, sku: variant.sku, title: variant.title, price: variant.price })
      for (const [i, option] of variant.options.entries())
        options.push({ _order: i + 1, _parent_id: id, id: arrayRowId(), name: option.name, value: option.value })
    }
  }
  await insert('products_variants', [...VARIANT, ['id', 'varchar']], variants)
  await insert('products_variants_options', [...OPTION, ['_parent_id', 'varchar'], ['id', 'varchar']], options)
  await insert(
    'products_rels',
    RELATION,
    creates.flatMap((c) => relationRows(c, idOf(c), snapshot)),
  )
  // The first version of each, as Payload's create writes it: marked latest, the array rows' ids kept as `_uuid`.
  const versions = await insert<{ id: Id; parent_id: Id }>(
    '_products_v',
    [
      ...prefixed(PRODUCT, 'version_'),
      ['version__status', 'enum__products_v_version_status'],
      ['version_updated_at', TIME],
      ['version_created_at', TIME],
      ['parent_id', 'integer'],
      ['latest', 'boolean'],
      ['updated_at', TIME],
      ['created_at', TIME],
    ],
    creates.map((c) => ({
      ...productColumns(c, 'version_'),
      version__status: c.product.status,
      version_updated_at: now,
      version_created_at: now,
      parent_id: idOf(c),
      latest: true,
      updated_at: now,
      created_at: now,
    })),
    ['id', 'parent_id'],
  )
  const versionOf = new Map(versions.map((v) => [String(v.parent_id), v.id]))
  const versionVariants = await insert<{ id: Id; _uuid: string }>(
    '_products_v_version_variants',
    [...VARIANT, ['_uuid', 'varchar']],
    variants.map(({ id, _parent_id, ...rest }) => ({ ...rest, _parent_id: versionOf.get(String(_parent_id)), _uuid: id })),
    ['id', '_uuid'],
  )
  const versionVariantOf = new Map(versionVariants.map((v) => [v._uuid, v.id]))
  await insert(
    '_products_v_version_variants_options',
    [...OPTION, ['_parent_id', 'integer'], ['_uuid', 'varchar']],
    options.map(({ id, _parent_id, ...rest }) => ({ ...rest, _parent_id: versionVariantOf.get(String(_parent_id)), _uuid: id })),
  )
  await insert(
    '_products_v_rels',
    RELATION,
    creates.flatMap((c) => relationRows(c, versionOf.get(String(idOf(c)))!, snapshot, 'version.')),
  )
  await insert(
    'inventory',
    STOCK_ROW,
    creates.flatMap((c) =>
      productSkuList(c).map((sku) => {
        const row = skus.get(sku)!
        return {
          sku,
          available: row.available,
          low_stock_threshold: row.lowStockThreshold,
          stock_status: stockStatusOf(row.available, row.lowStockThreshold),
          product_id: idOf(c),
          title: row.title,
          variant_title: row.variantTitle,
          updated_at: now,
          created_at: now,
        }
      }),
    ),
  )
  for (let i = 0; i < creates.length; i++) onCreated()
  return creates.map(idOf)
}

/** The SKUs a planned product sells: its variants', or its own. */
export function productSkuList(change: ProductChange): string[] {
  const { sku, variants } = change.product
  return variants.length > 0 ? variants.map((v) => v.sku) : sku ? [sku] : []
}
