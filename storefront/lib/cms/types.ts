import type { LexicalDocument } from '../richText/lexical'

// The parts of the CMS's REST documents the storefront reads (see docs/CONTRACT.md).

export type Id = number

export interface MediaFile {
  url?: string | null
  filename?: string | null
  width?: number | null
  height?: number | null
  mimeType?: string | null
}

export interface Media extends MediaFile {
  id: Id
  alt: string
  sizes?: { thumbnail?: MediaFile | null; card?: MediaFile | null; large?: MediaFile | null } | null
}

export interface Breadcrumb {
  doc?: Id | { id: Id } | null
  url?: string | null
  label?: string | null
}

export interface Category {
  id: Id
  title: string
  slug: string
  description?: string | null
  image?: Media | Id | null
  parent?: Id | Category | null
  breadcrumbs?: Breadcrumb[] | null
}

export interface VariantOption {
  name: string
  value: string
}

export interface Variant {
  id?: string | null
  sku: string
  title: string
  options?: VariantOption[] | null
  price?: number | null
  image?: Media | Id | null
}

export interface Product {
  id: Id
  title: string
  slug: string
  description?: LexicalDocument | null
  images?: (Media | Id)[] | null
  categories?: (Category | Id)[] | null
  price: number
  compareAtPrice?: number | null
  featured?: boolean | null
  sku?: string | null
  variants?: Variant[] | null
  seo?: { title?: string | null; description?: string | null } | null
  /** From approved reviews (the CMS's reviews plugin). */
  rating?: { average?: number | null; count?: number | null } | null
  createdAt?: string
  updatedAt?: string
}

export interface Paginated<T> {
  docs: T[]
  totalDocs: number
  totalPages: number
  page: number
  limit: number
  hasNextPage: boolean
  hasPrevPage: boolean
}

export interface InventoryRow {
  sku: string
  available: number
  product?: Id | { id: Id } | null
}

export interface Address {
  id?: string | null
  label?: string | null
  name?: string | null
  line1?: string | null
  line2?: string | null
  city?: string | null
  postcode?: string | null
  country?: string | null
  isDefaultShipping?: boolean | null
  isDefaultBilling?: boolean | null
}

export interface Customer {
  id: Id
  email: string
  name?: string | null
  phone?: string | null
  addresses?: Address[] | null
  cart?: unknown
}

export interface StoreSettings {
  storeName?: string | null
  vatRate?: number | null
  shipping?: { flatRate?: number | null; freeOver?: number | null; countries?: string[] | null } | null
}

export function isMedia(value: unknown): value is Media {
  return typeof value === 'object' && value !== null && 'id' in value && 'alt' in value
}

export function idOf(value: Id | { id: Id } | null | undefined): Id | null {
  if (value === null || value === undefined) return null
  return typeof value === 'object' ? value.id : value
}
