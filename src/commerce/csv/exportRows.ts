import { stringify } from 'csv-stringify/sync'

import { formatPounds } from './cells'
import { PRODUCT_COLUMNS, STOCK_COLUMNS } from './columns'
import type { CatalogueProduct, StockRow } from './types'

// A spreadsheet runs a cell starting with these as a formula (CSV injection); a leading apostrophe makes it text.
const FORMULA_START = /^[=+\-@\t\r]/

/** The cell as written to a file: a would-be formula gets a leading apostrophe. */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** The reverse of escapeCell, applied to every imported cell, so an exported file imports unchanged. */
export function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value
}

const pounds = (pence: number | null) => (pence === null ? '' : formatPounds(pence))
const count = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value))

/** One row per SKU (a draft without a SKU gets one row with it empty), product columns repeated on each row. */
export function productExportRows(products: readonly CatalogueProduct[], stock: ReadonlyMap<string, StockRow>): string[][] {
  const rows: string[][] = [[...PRODUCT_COLUMNS]]
  for (const p of products) {
    const shared = [
      p.slug,
      p.title,
      p.status,
      pounds(p.price),
      pounds(p.compareAtPrice),
      count(p.weight),
      p.featured ? 'yes' : 'no',
      p.categories.join('; '),
      p.images.join('; '),
    ]
    const skus = p.variants.length > 0 ? p.variants : [{ sku: p.sku ?? '', title: '', options: [], price: null }]
    for (const v of skus) {
      const options = [0, 1, 2].flatMap((i) => [v.options[i]?.name ?? '', v.options[i]?.value ?? ''])
      const level = v.sku ? stock.get(v.sku) : undefined
      rows.push([...shared, v.sku, v.title, ...options, pounds(v.price), count(level?.available), count(level?.lowStockThreshold)])
    }
  }
  return rows
}

export function stockExportRows(levels: readonly StockRow[]): string[][] {
  return [[...STOCK_COLUMNS], ...levels.map((l) => [l.sku, l.title ?? '', l.variantTitle ?? '', String(l.available), String(l.lowStockThreshold)])]
}

/** UTF-8 with a byte-order mark, so Excel shows £ and accents; every cell escaped against formulas. */
export function toCsv(rows: readonly string[][]): string {
  return `\uFEFF${stringify(
    rows.map((row) => row.map(escapeCell)),
    { record_delimiter: '\r\n' },
  )}`
}
