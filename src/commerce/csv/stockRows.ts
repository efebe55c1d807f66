import { normaliseSku, SKU_PATTERN } from '../sku'
import { parseWholeNumber } from './cells'
import type { Header } from './columns'
import type { CsvRecord } from './parse'
import type { RowError } from './rowErrors'
import type { ImportedSku } from './types'

/** Reads a stock-levels file: one row per SKU, with its available count and low-stock threshold (either may be blank). */
export function readStockRows(records: readonly CsvRecord[], header: Header): { levels: ImportedSku[]; errors: RowError[] } {
  const errors: RowError[] = []
  const levels: ImportedSku[] = []
  const seen = new Map<string, number>()
  const cellOf = (record: CsvRecord, name: string) => {
    const index = header.get(name)
    return index === undefined ? '' : (record.cells[index] ?? '').trim()
  }
  for (const record of records) {
    const raw = cellOf(record, 'sku')
    const sku = normaliseSku(raw) as string
    if (!raw) {
      errors.push({ row: record.row, column: 'sku', message: 'is empty: every row is one SKU' })
      continue
    }
    if (!SKU_PATTERN.test(sku)) {
      errors.push({ row: record.row, column: 'sku', message: `"${raw}" must be 2–64 letters, digits or hyphens` })
      continue
    }
    const first = seen.get(sku)
    if (first !== undefined) {
      errors.push({ row: record.row, column: 'sku', message: `SKU ${sku} is also on row ${first}: each SKU appears once` })
      continue
    }
    seen.set(sku, record.row)
    const level: ImportedSku = { row: record.row, sku }
    for (const [column, key] of [
      ['available', 'available'],
      ['low_stock_threshold', 'lowStockThreshold'],
    ] as const) {
      const cell = cellOf(record, column)
      if (cell === '') continue
      const result = parseWholeNumber(cell)
      if (result.ok) level[key] = result.value
      else errors.push({ row: record.row, column, message: result.message })
    }
    levels.push(level)
  }
  return { levels, errors }
}
