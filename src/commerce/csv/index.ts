import { CommerceError } from '../errors'
import { readHeader, type CsvKind } from './columns'
import { decodeCsv, type CsvEncoding } from './decode'
import { snapshotFingerprint as fingerprintOf } from './fingerprint'
import { parseCsvText } from './parse'
import { planProductImport, planStockImport, type ImportPlan } from './plan'
import { readProductRows } from './productRows'
import { byRow, MAX_REPORTED_ERRORS, type RowError } from './rowErrors'
import { readStockRows } from './stockRows'
import type { CatalogueSnapshot, ImportedProduct, ImportedSku } from './types'

export * from './cells'
export * from './columns'
export * from './decode'
export * from './exportRows'
export * from './plan'
export * from './rowErrors'
export * from './types'
export { snapshotFingerprint } from './fingerprint'

/** A file read and checked row by row, before anything is compared with the shop. */
export interface ImportFile {
  kind: CsvKind
  encoding: CsvEncoding
  /** The decoded text, kept so the apply job reads exactly what was previewed. */
  text: string
  rows: number
  products: ImportedProduct[]
  levels: ImportedSku[]
  errors: RowError[]
}

/** What the plan needs from the shop: these products, SKUs, category paths and media file names. */
export interface SnapshotQuery {
  slugs: string[]
  skus: string[]
  categoryPaths: string[]
  mediaFiles: string[]
}

export function readImportFile(kind: CsvKind, bytes: Uint8Array): ImportFile {
  const { text, encoding } = decodeCsv(bytes)
  const parsed = parseCsvText(text)
  if (parsed.header.length === 0 && parsed.errors.length === 0)
    throw new CommerceError(400, 'empty_file', 'The file is empty: it needs a header row and at least one row')
  const { header, errors: headerErrors } = readHeader(kind, parsed.header)
  const base = { kind, encoding, text, rows: parsed.records.length }
  if (headerErrors.length > 0 || parsed.header.length === 0) {
    return { ...base, products: [], levels: [], errors: [...parsed.errors, ...headerErrors] }
  }
  if (parsed.records.length === 0) throw new CommerceError(400, 'empty_file', 'The file has a header but no rows')
  const read = kind === 'products' ? { ...readProductRows(parsed.records, header), levels: [] } : { ...readStockRows(parsed.records, header), products: [] }
  return { ...base, products: read.products, levels: read.levels, errors: byRow([...parsed.errors, ...read.errors]) }
}

export function snapshotQuery(file: ImportFile): SnapshotQuery {
  const products = file.products
  return {
    slugs: products.map((p) => p.slug),
    skus: [...products.flatMap((p) => p.skus), ...file.levels].map((s) => s.sku).filter((s): s is string => !!s),
    categoryPaths: [...new Set(products.flatMap((p) => p.fields.categories ?? []))],
    mediaFiles: [...new Set(products.flatMap((p) => p.fields.images ?? []))],
  }
}

export interface PlannedImport {
  plan: ImportPlan
  fingerprint: string
  /** The file's problems and the plan's, by row, at most MAX_REPORTED_ERRORS of them. */
  errors: RowError[]
  errorCount: number
}

/** Compares the file with the shop: the plan, a fingerprint of the data it was made from, and every problem. */
export function planImport(file: ImportFile, snapshot: CatalogueSnapshot): PlannedImport {
  const plan = file.kind === 'products' ? planProductImport(file.products, snapshot) : planStockImport(file.levels, snapshot)
  // A cell the file already got wrong is not reported again by the plan (a bad price is not also a missing one).
  const seen = new Set(file.errors.map((e) => `${e.row}:${e.column}`))
  const all = byRow([...file.errors, ...plan.errors.filter((e) => !seen.has(`${e.row}:${e.column}`))])
  return { plan, fingerprint: fingerprintOf(snapshot), errors: all.slice(0, MAX_REPORTED_ERRORS), errorCount: all.length }
}
export { applyStockChanges, recordOpeningStock } from './applyStock'
