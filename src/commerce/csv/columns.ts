import type { RowError } from './rowErrors'

export type CsvKind = 'products' | 'stock'
export const CSV_KINDS: readonly CsvKind[] = ['products', 'stock']

/** The product file's columns, in the order an export writes them: one row per SKU, grouped by slug. */
export const PRODUCT_COLUMNS = [
  'slug',
  'title',
  'status',
  'price',
  'compare_at_price',
  'weight',
  'featured',
  'categories',
  'images',
  'sku',
  'variant_title',
  'option1_name',
  'option1_value',
  'option2_name',
  'option2_value',
  'option3_name',
  'option3_value',
  'variant_price',
  'stock',
  'low_stock_threshold',
] as const
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number]

/** Stock levels: `title` and `variant_title` are written by the export for people to read and ignored on import. */
export const STOCK_COLUMNS = ['sku', 'title', 'variant_title', 'available', 'low_stock_threshold'] as const
export type StockColumn = (typeof STOCK_COLUMNS)[number]

export const REQUIRED_COLUMNS: Record<CsvKind, readonly string[]> = {
  products: ['slug', 'sku'],
  stock: ['sku'],
}

export const COLUMNS: Record<CsvKind, readonly string[]> = { products: PRODUCT_COLUMNS, stock: STOCK_COLUMNS }

/** "Variant Title" and "variant-title" are variant_title. */
export function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

export type Header = Map<string, number>

/** Where each known column is, or the header's problems (unknown, repeated or missing columns), all on row 1. */
export function readHeader(kind: CsvKind, cells: readonly string[]): { header: Header; errors: RowError[] } {
  const known = COLUMNS[kind]
  const header: Header = new Map()
  const errors: RowError[] = []
  cells.forEach((cell, index) => {
    const name = normaliseHeader(cell)
    if (name === '' && cells.slice(index).every((c) => c.trim() === '')) return
    if (!known.includes(name)) {
      errors.push({ row: 1, column: cell.trim() || `column ${index + 1}`, message: `Unknown column "${cell.trim()}"; the columns are ${known.join(', ')}` })
    } else if (header.has(name)) {
      errors.push({ row: 1, column: name, message: `The column ${name} appears twice` })
    } else {
      header.set(name, index)
    }
  })
  for (const name of REQUIRED_COLUMNS[kind]) {
    if (!header.has(name)) errors.push({ row: 1, column: name, message: `The column ${name} is missing` })
  }
  return { header, errors }
}
