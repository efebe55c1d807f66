import { parse } from 'csv-parse/sync'

import { unescapeCell } from './exportRows'
import type { RowError } from './rowErrors'

export interface CsvRecord {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number
  cells: string[]
}

export interface ParsedCsv {
  header: string[]
  records: CsvRecord[]
  errors: RowError[]
}

/** Splits CSV text into rows of cells; blank rows are skipped but still counted, so row numbers match a spreadsheet. */
export function parseCsvText(text: string): ParsedCsv {
  let rows: string[][]
  try {
    rows = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false }) as string[][]
  } catch (error) {
    const e = error as { message?: string; lines?: number }
    const message = `The file cannot be read as CSV: ${(e.message ?? 'parse error').replace(/^Invalid /, 'invalid ')}`
    return { header: [], records: [], errors: [{ row: e.lines ?? 1, column: '', message }] }
  }
  const [header = [], ...body] = rows
  const records: CsvRecord[] = []
  const errors: RowError[] = []
  body.forEach((cells, index) => {
    const row = index + 2
    if (cells.every((cell) => cell.trim() === '')) return
    if (cells.length > header.length && cells.slice(header.length).some((cell) => cell.trim() !== '')) {
      errors.push({ row, column: '', message: `The row has ${cells.length} cells but the header has ${header.length} columns` })
      return
    }
    records.push({ row, cells: cells.map(unescapeCell) })
  })
  return { header, records, errors }
}
