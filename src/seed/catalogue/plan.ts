import { slugify } from '../../fields/slug'
import { categoryTree } from './categories'
import { departments } from './products'
import type { CategorySeed, OptionSeed, ProductSeed } from './types'

export interface PlannedSku {
  sku: string
  /** Variant title such as "M / Navy"; absent for a product's own SKU. */
  variantTitle?: string
  options: { name: string; value: string }[]
  /** Price override in pence, when the variant costs more or less than the product. */
  price?: number
  stock: number
}

export interface PlannedProduct {
  seed: ProductSeed
  slug: string
  hue: number
  paragraphs: string[]
  seo: { title: string; description: string }
  /** The product's own SKU (one entry) or one per variant. */
  skus: PlannedSku[]
  hasVariants: boolean
}

const STORE_NAME = 'Ipswich Retail'

// Stock that looks hand-counted but is the same on every run: 10–80, chosen from the SKU.
export function defaultStock(sku: string): number {
  let hash = 2166136261
  for (const char of sku) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0
  return 10 + (hash % 71)
}

export function optionCode(value: string): string {
  return value
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 6)
}

function combinations(options: OptionSeed[]): { name: string; value: string }[][] {
  return options.reduce<{ name: string; value: string }[][]>(
    (rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, { name: option.name, value }])),
    [[]],
  )
}

function variantPrice(options: OptionSeed[], chosen: { name: string; value: string }[]): number | undefined {
  const prices = chosen.map((c) => options.find((o) => o.name === c.name)?.prices?.[c.value]).filter((p) => p !== undefined)
  return prices.length > 0 ? Math.max(...(prices as number[])) : undefined
}

function stockOf(product: ProductSeed, sku: string, variantTitle?: string): number {
  if (typeof product.stock === 'number') return product.stock
  const byVariant = variantTitle ? product.stock?.[variantTitle] : undefined
  return byVariant ?? defaultStock(sku)
}

export function planSkus(product: ProductSeed, baseSku: string): PlannedSku[] {
  if (!product.options?.length) return [{ sku: baseSku, options: [], stock: stockOf(product, baseSku) }]
  return combinations(product.options).map((chosen) => {
    const sku = [baseSku, ...chosen.map((c) => optionCode(c.value))].join('-')
    const variantTitle = chosen.map((c) => c.value).join(' / ')
    return { sku, variantTitle, options: chosen, price: variantPrice(product.options!, chosen), stock: stockOf(product, sku, variantTitle) }
  })
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  return `${text.slice(0, text.lastIndexOf(' ', max - 1))}…`
}

export function seoFor(title: string, firstParagraph: string): PlannedProduct['seo'] {
  const withStore = `${title} | ${STORE_NAME}`
  return { title: truncate(withStore.length <= 70 ? withStore : title, 70), description: truncate(firstParagraph, 160) }
}

/** Every category slug mapped to its department's colour. */
export function categoryHues(tree: CategorySeed[] = categoryTree): Map<string, number> {
  const hues = new Map<string, number>()
  for (const top of tree) {
    hues.set(top.slug, top.hue ?? 0)
    for (const child of top.children ?? []) hues.set(child.slug, child.hue ?? top.hue ?? 0)
  }
  return hues
}

export function planCatalogue(): PlannedProduct[] {
  const hues = categoryHues()
  return departments.flatMap((department) =>
    department.products.map((seed, index) => {
      const baseSku = `${department.code}-${String(index + 1).padStart(3, '0')}`
      const paragraphs = [seed.description, department.note]
      return {
        seed,
        slug: slugify(seed.title),
        hue: hues.get(seed.category) ?? 0,
        paragraphs,
        seo: seoFor(seed.title, seed.description),
        skus: planSkus(seed, baseSku),
        hasVariants: !!seed.options?.length,
      }
    }),
  )
}
