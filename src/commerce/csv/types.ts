import type { Pence } from '../money'
import type { ProductStatus } from './cells'

type Id = number | string

export interface VariantOption {
  name: string
  value: string
}

export interface ProductVariant {
  sku: string
  title: string
  options: VariantOption[]
  price: Pence | null
}

/** A product as the CSV describes it and as the shop holds it, in one comparable shape. */
export interface CatalogueProduct {
  slug: string
  title: string
  status: ProductStatus
  price: Pence | null
  compareAtPrice: Pence | null
  weight: number | null
  featured: boolean
  /** Category paths such as "clothing/knitwear". */
  categories: string[]
  /** Media file names, the first being the main image. */
  images: string[]
  /** The product's own SKU; null when it has variants (or is a draft without one). */
  sku: string | null
  variants: ProductVariant[]
}

export interface StoredProduct extends CatalogueProduct {
  id: Id
}

export interface StockRow {
  sku: string
  available: number
  lowStockThreshold: number
  /** Slug of the product that sells this SKU, when there is one. */
  productSlug: string | null
  title?: string | null
  variantTitle?: string | null
}

/** What an imported file may change, read from the shop before planning. */
export interface CatalogueSnapshot {
  products: Map<string, StoredProduct>
  stock: Map<string, StockRow>
  /** Known category paths → id. */
  categories: Map<string, Id>
  /** Known media file names → id. */
  media: Map<string, Id>
}

/** The product-level values a file gives; a column the file leaves out is undefined and left as it is. */
export type ProductFields = Partial<Omit<CatalogueProduct, 'slug' | 'variants' | 'sku'>>

export interface ImportedSku {
  row: number
  sku: string | null
  available?: number
  lowStockThreshold?: number
}

export interface ImportedProduct {
  slug: string
  /** The first row of the product. */
  row: number
  fields: ProductFields
  /** True when the file gives the SKU structure (always, for a product file). */
  sku: string | null
  variants: (ProductVariant & { row: number })[]
  skus: ImportedSku[]
}
