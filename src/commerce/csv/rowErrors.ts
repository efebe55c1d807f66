/** One problem with a file: its row as a spreadsheet numbers it (the header is row 1) and the column at fault. */
export interface RowError {
  row: number
  column: string
  message: string
}

/** Most problems a preview lists; past this the file is plainly the wrong one. */
export const MAX_REPORTED_ERRORS = 500

export function byRow(errors: readonly RowError[]): RowError[] {
  return [...errors].sort((a, b) => a.row - b.row)
}
