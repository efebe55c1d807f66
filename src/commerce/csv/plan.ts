import type { RowError } from './rowErrors'
import type { CatalogueProduct, CatalogueSnapshot, ImportedProduct, ImportedSku, ProductVariant, StoredProduct } from './types'

type Id = number | string

export interface ProductChange {
  row: number
  slug: string
  action: 'create' | 'update'
  id?: Id
  /** The whole product as it will be. */
  product: CatalogueProduct
  /** The fields that differ from the shop (every field for a create). */
  changed: (keyof CatalogueProduct)[]
}

export interface StockChange {
  row: number
  sku: string
  /** Available now (0 for a SKU the import creates); the change applies only while it still holds. */
  from: number
  to: number
}

export interface ThresholdChange {
  row: number
  sku: string
  from: number | null
  to: number
}

export interface PlanSummary {
  create: number
  update: number
  unchanged: number
  stockChanges: number
  unitsAdded: number
  unitsRemoved: number
  thresholdChanges: number
}

export interface ImportPlan {
  products: ProductChange[]
  unchanged: { row: number; slug: string }[]
  stock: StockChange[]
  thresholds: ThresholdChange[]
  errors: RowError[]
  summary: PlanSummary
}

const COMPARED: (keyof CatalogueProduct)[] = ['title', 'status', 'price', 'compareAtPrice', 'weight', 'featured', 'categories', 'images', 'sku', 'variants']

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function plainVariants(variants: readonly ProductVariant[]): ProductVariant[] {
  return variants.map(({ sku, title, options, price }) => ({ sku, title, options: options.map(({ name, value }) => ({ name, value })), price }))
}

/** The product as the file would leave it: the shop's values, overwritten by every column the file gives. */
function desiredProduct(imported: ImportedProduct, current: StoredProduct | undefined): CatalogueProduct {
  const base: CatalogueProduct = current ?? {
    slug: imported.slug,
    title: '',
    status: 'draft',
    price: null,
    compareAtPrice: null,
    weight: null,
    featured: false,
    categories: [],
    images: [],
    sku: null,
    variants: [],
  }
  const defined = Object.fromEntries(Object.entries(imported.fields).filter(([, v]) => v !== undefined))
  return { ...base, ...defined, slug: imported.slug, sku: imported.sku, variants: plainVariants(imported.variants) }
}

function checkReferences(imported: ImportedProduct, product: CatalogueProduct, snapshot: CatalogueSnapshot, errors: RowError[]) {
  const row = imported.row
  if (imported.fields.categories) {
    for (const path of product.categories) {
      if (!snapshot.categories.has(path)) errors.push({ row, column: 'categories', message: `No category has the path "${path}"` })
    }
  }
  if (imported.fields.images) {
    for (const name of product.images) {
      if (!snapshot.media.has(name)) errors.push({ row, column: 'images', message: `No uploaded media file is named "${name}"` })
    }
  }
  if (!product.title) errors.push({ row, column: 'title', message: `is empty: the new product ${imported.slug} needs a title` })
  if (product.price === null) errors.push({ row, column: 'price', message: `is empty: the new product ${imported.slug} needs a price` })
  for (const { sku, row: skuRow } of imported.skus) {
    const owner = sku ? snapshot.stock.get(sku) : undefined
    if (owner && owner.productSlug !== imported.slug) {
      const whose = owner.productSlug ? `the product ${owner.productSlug}` : 'a stock row of no product'
      errors.push({ row: skuRow, column: 'sku', message: `SKU ${sku} already belongs to ${whose}` })
    }
  }
}

function stockChanges(skus: readonly ImportedSku[], snapshot: CatalogueSnapshot): { stock: StockChange[]; thresholds: ThresholdChange[] } {
  const stock: StockChange[] = []
  const thresholds: ThresholdChange[] = []
  for (const { row, sku, available, lowStockThreshold } of skus) {
    if (!sku) continue
    const current = snapshot.stock.get(sku)
    const from = current?.available ?? 0
    if (available !== undefined && available !== from) stock.push({ row, sku, from, to: available })
    const threshold = current?.lowStockThreshold ?? null
    if (lowStockThreshold !== undefined && lowStockThreshold !== threshold) thresholds.push({ row, sku, from: threshold, to: lowStockThreshold })
  }
  return { stock, thresholds }
}

function summarise(plan: Omit<ImportPlan, 'summary'>): PlanSummary {
  return {
    create: plan.products.filter((p) => p.action === 'create').length,
    update: plan.products.filter((p) => p.action === 'update').length,
    unchanged: plan.unchanged.length,
    stockChanges: plan.stock.length,
    unitsAdded: plan.stock.reduce((sum, s) => sum + Math.max(0, s.to - s.from), 0),
    unitsRemoved: plan.stock.reduce((sum, s) => sum + Math.max(0, s.from - s.to), 0),
    thresholdChanges: plan.thresholds.length,
  }
}

/** What a product file would change in the shop; a file equal to the shop plans nothing. */
export function planProductImport(imported: readonly ImportedProduct[], snapshot: CatalogueSnapshot): ImportPlan {
  const errors: RowError[] = []
  const products: ProductChange[] = []
  const unchanged: ImportPlan['unchanged'] = []
  for (const item of imported) {
    const current = snapshot.products.get(item.slug)
    const product = desiredProduct(item, current)
    checkReferences(item, product, snapshot, errors)
    const changed = current ? COMPARED.filter((key) => !same(product[key], current[key])) : COMPARED
    if (!current) products.push({ row: item.row, slug: item.slug, action: 'create', product, changed })
    else if (changed.length > 0) products.push({ row: item.row, slug: item.slug, action: 'update', id: current.id, product, changed })
    else unchanged.push({ row: item.row, slug: item.slug })
  }
  const { stock, thresholds } = stockChanges(
    imported.flatMap((p) => p.skus),
    snapshot,
  )
  const plan = { products, unchanged, stock, thresholds, errors }
  return { ...plan, summary: summarise(plan) }
}

/** What a stock-levels file would change; every SKU must already exist. */
export function planStockImport(levels: readonly ImportedSku[], snapshot: CatalogueSnapshot): ImportPlan {
  const errors: RowError[] = levels
    .filter((level) => level.sku && !snapshot.stock.has(level.sku))
    .map((level) => ({ row: level.row, column: 'sku', message: `Unknown SKU ${level.sku}: add it with a product import first` }))
  const { stock, thresholds } = stockChanges(
    levels.filter((level) => level.sku && snapshot.stock.has(level.sku)),
    snapshot,
  )
  const plan = { products: [], unchanged: [], stock, thresholds, errors }
  return { ...plan, summary: summarise(plan) }
}
