import { normaliseSku, SKU_PATTERN } from '../sku'
import type { CellResult } from './cells'
import { normaliseCategoryPath, parseList, parsePounds, parseStatus, parseWholeNumber, parseYesNo } from './cells'
import type { Header } from './columns'
import type { CsvRecord } from './parse'
import type { RowError } from './rowErrors'
import type { ImportedProduct, ProductFields, VariantOption } from './types'

// eslint-disable-next-line security/detect-unsafe-regex -- each repetition starts with '-', so one way to match: linear
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_TITLE = 200
const MAX_VARIANTS = 100
const MAX_GRAMS = 1_000_000
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i

type Cell = (name: string) => string | undefined

interface FieldRule {
  column: string
  field: keyof ProductFields
  /** The value of a blank cell when every row of the product leaves it blank; undefined keeps what the shop has. */
  blank: unknown
  read: (cell: string) => CellResult<unknown>
}

const text =
  (max: number) =>
  (cell: string): CellResult<unknown> =>
    cell.trim().length > max ? { ok: false, message: `must be at most ${max} characters` } : { ok: true, value: cell.trim() }

const paths = (cell: string): CellResult<unknown> => ({ ok: true, value: parseList(cell).map(normaliseCategoryPath) })

function fileNames(cell: string): CellResult<unknown> {
  const names = parseList(cell)
  const url = names.find((name) => URL_LIKE.test(name))
  if (url) return { ok: false, message: `images are file names of media already uploaded, not web addresses (got ${url})` }
  return { ok: true, value: names }
}

/** The product-level columns; a later row of the same product may leave them blank or repeat them. */
const PRODUCT_FIELDS: FieldRule[] = [
  { column: 'title', field: 'title', blank: undefined, read: text(MAX_TITLE) },
  { column: 'status', field: 'status', blank: undefined, read: parseStatus },
  { column: 'price', field: 'price', blank: undefined, read: parsePounds },
  { column: 'compare_at_price', field: 'compareAtPrice', blank: null, read: parsePounds },
  { column: 'weight', field: 'weight', blank: null, read: (cell) => parseWholeNumber(cell, MAX_GRAMS) },
  { column: 'featured', field: 'featured', blank: false, read: parseYesNo },
  { column: 'categories', field: 'categories', blank: [], read: paths },
  { column: 'images', field: 'images', blank: [], read: fileNames },
]

interface Group {
  slug: string
  records: CsvRecord[]
}

function groupBySlug(records: readonly CsvRecord[], cellOf: (r: CsvRecord) => Cell, errors: RowError[]): Group[] {
  const groups = new Map<string, Group>()
  for (const record of records) {
    const slug = (cellOf(record)('slug') ?? '').trim()
    if (!slug) {
      errors.push({ row: record.row, column: 'slug', message: 'is empty: every row names its product by slug' })
      continue
    }
    if (!SLUG.test(slug)) {
      errors.push({ row: record.row, column: 'slug', message: `"${slug}" must be lower-case letters, digits and single hyphens` })
      continue
    }
    const group = groups.get(slug) ?? { slug, records: [] }
    group.records.push(record)
    groups.set(slug, group)
  }
  return [...groups.values()]
}

/** One value per product-level column: the first filled cell, with later filled cells required to agree. */
function readFields(group: Group, cellOf: (r: CsvRecord) => Cell, header: Header, errors: RowError[]): ProductFields {
  const fields: Record<string, unknown> = {}
  for (const rule of PRODUCT_FIELDS) {
    if (!header.has(rule.column)) continue
    let first: { row: number; value: unknown } | undefined
    for (const record of group.records) {
      const cell = cellOf(record)(rule.column) ?? ''
      if (cell.trim() === '') continue
      const result = rule.read(cell)
      if (!result.ok) {
        errors.push({ row: record.row, column: rule.column, message: result.message })
        continue
      }
      if (!first) first = { row: record.row, value: result.value }
      else if (JSON.stringify(first.value) !== JSON.stringify(result.value)) {
        errors.push({
          row: record.row,
          column: rule.column,
          message: `differs from row ${first.row} of the same product (${group.slug}); give it once or the same on every row`,
        })
      }
    }
    const value = first ? first.value : rule.blank
    if (value !== undefined) fields[rule.field] = value
  }
  return fields as ProductFields
}

function readOptions(record: CsvRecord, cell: Cell, errors: RowError[]): VariantOption[] {
  const options: VariantOption[] = []
  for (const n of [1, 2, 3]) {
    const name = (cell(`option${n}_name`) ?? '').trim()
    const value = (cell(`option${n}_value`) ?? '').trim()
    if (!name && !value) continue
    if (!name || !value) {
      const missing = name ? `option${n}_value` : `option${n}_name`
      errors.push({ row: record.row, column: missing, message: `is empty: option${n} needs both a name and a value` })
      continue
    }
    options.push({ name, value })
  }
  return options
}

function readNumber(record: CsvRecord, cell: Cell, column: string, errors: RowError[], read: (c: string) => CellResult<number>): number | undefined {
  const raw = cell(column) ?? ''
  if (raw.trim() === '') return undefined
  const result = read(raw)
  if (result.ok) return result.value
  errors.push({ row: record.row, column, message: result.message })
  return undefined
}

function readSku(record: CsvRecord, cell: Cell, errors: RowError[]): string | null | false {
  const raw = (cell('sku') ?? '').trim()
  if (raw === '') return null
  const sku = normaliseSku(raw) as string
  if (SKU_PATTERN.test(sku)) return sku
  errors.push({ row: record.row, column: 'sku', message: `"${raw}" must be 2–64 letters, digits or hyphens` })
  return false
}

function readProduct(group: Group, cellOf: (r: CsvRecord) => Cell, header: Header, errors: RowError[]): ImportedProduct {
  const fields = readFields(group, cellOf, header, errors)
  const product: ImportedProduct = { slug: group.slug, row: group.records[0].row, fields, sku: null, variants: [], skus: [] }
  const [only] = group.records
  const onlyCell = cellOf(only)
  const simple =
    group.records.length === 1 &&
    !(onlyCell('variant_title') ?? '').trim() &&
    readOptions(only, onlyCell, []).length === 0 &&
    !(onlyCell('variant_price') ?? '').trim()
  if (group.records.length > MAX_VARIANTS) {
    errors.push({ row: group.records[MAX_VARIANTS].row, column: 'sku', message: `${group.slug} has more than ${MAX_VARIANTS} variants` })
  }
  for (const record of group.records) {
    const cell = cellOf(record)
    const sku = readSku(record, cell, errors)
    const available = readNumber(record, cell, 'stock', errors, (c) => parseWholeNumber(c))
    const lowStockThreshold = readNumber(record, cell, 'low_stock_threshold', errors, (c) => parseWholeNumber(c))
    if (sku === null && !(simple && fields.status === 'draft')) {
      errors.push({ row: record.row, column: 'sku', message: 'is empty: every row is one SKU (only a draft without variants may have none)' })
    }
    if (sku === null && (available !== undefined || lowStockThreshold !== undefined)) {
      errors.push({ row: record.row, column: available !== undefined ? 'stock' : 'low_stock_threshold', message: 'needs a SKU to hold the stock' })
    }
    if (sku === false) continue
    product.skus.push({ row: record.row, sku, available, lowStockThreshold })
    if (simple) {
      product.sku = sku
      continue
    }
    const title = (cell('variant_title') ?? '').trim()
    if (!title)
      errors.push({ row: record.row, column: 'variant_title', message: `is empty: each variant of ${group.slug} needs a title such as “Medium / Navy”` })
    if (title.length > MAX_TITLE) errors.push({ row: record.row, column: 'variant_title', message: `must be at most ${MAX_TITLE} characters` })
    const price = readNumber(record, cell, 'variant_price', errors, parsePounds)
    if (sku) product.variants.push({ row: record.row, sku, title, options: readOptions(record, cell, errors), price: price ?? null })
  }
  return product
}

/** Reads a product file's rows into products (rows grouped by slug), with every problem by row and column. */
export function readProductRows(records: readonly CsvRecord[], header: Header): { products: ImportedProduct[]; errors: RowError[] } {
  const errors: RowError[] = []
  const cellOf =
    (record: CsvRecord): Cell =>
    (name) => {
      const index = header.get(name)
      return index === undefined ? undefined : (record.cells[index] ?? '')
    }
  const products = groupBySlug(records, cellOf, errors).map((group) => readProduct(group, cellOf, header, errors))
  const seen = new Map<string, number>()
  for (const product of products) {
    for (const { sku, row } of product.skus) {
      if (!sku) continue
      const first = seen.get(sku)
      if (first !== undefined) errors.push({ row, column: 'sku', message: `SKU ${sku} is also on row ${first}: each SKU appears once` })
      else seen.set(sku, row)
    }
  }
  return { products, errors }
}
