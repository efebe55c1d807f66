import type { Pence } from '../money'

/** A cell's value, or the message saying what is wrong with it. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string }

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value })
const bad = <T>(message: string): CellResult<T> => ({ ok: false, message })

const MAX_POUNDS = 1_000_000

/** "6.50", "6.5", "6" or "£6.50" as pence; "6,50" and "1,234.00" are refused with the reason. */
export function parsePounds(cell: string): CellResult<Pence> {
  const text = cell.trim().replace(/^£\s*/, '')
  if (/^\d+,\d{1,2}$/.test(text)) return bad(`write pounds with a full stop, e.g. ${text.replace(',', '.')} (got ${cell.trim()})`)
  if (text.includes(',')) return bad(`write the amount without thousands separators, e.g. ${text.replace(/,/g, '')} (got ${cell.trim()})`)
  // eslint-disable-next-line security/detect-unsafe-regex -- anchored digits then an optional fixed-width tail: linear
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) return bad(`must be an amount in pounds such as 6.50 (got "${cell.trim()}")`)
  const pounds = Number(match[1])
  if (pounds > MAX_POUNDS) return bad(`must be at most £${MAX_POUNDS.toLocaleString('en-GB')}`)
  return ok(pounds * 100 + Number((match[2] ?? '0').padEnd(2, '0')))
}

/** Pence as the CSV writes them: "6.50". */
export function formatPounds(pence: Pence): string {
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`
}

/** A whole number from 0 to `max`. */
export function parseWholeNumber(cell: string, max = 1_000_000_000): CellResult<number> {
  const text = cell.trim()
  if (!/^\d+$/.test(text)) return bad(`must be a whole number, 0 or more (got "${text}")`)
  const value = Number(text)
  if (value > max) return bad(`must be at most ${max}`)
  return ok(value)
}

const TRUE = new Set(['true', 'yes', 'y', '1'])
const FALSE = new Set(['false', 'no', 'n', '0', ''])

export function parseYesNo(cell: string): CellResult<boolean> {
  const text = cell.trim().toLowerCase()
  if (TRUE.has(text)) return ok(true)
  if (FALSE.has(text)) return ok(false)
  return bad(`must be yes or no (got "${cell.trim()}")`)
}

export const PRODUCT_STATUSES = ['draft', 'published'] as const
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]

export function parseStatus(cell: string): CellResult<ProductStatus> {
  const text = cell.trim().toLowerCase()
  if (text === 'published' || text === 'active') return ok('published')
  if (text === 'draft') return ok('draft')
  return bad(`must be draft or published (got "${cell.trim()}")`)
}

/** "a; b;c" as ["a", "b", "c"]: several categories or images in one cell are separated by semicolons. */
export function parseList(cell: string): string[] {
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
}

/** A category path as typed ("/Clothing/Knitwear/") in the form the shop keeps it ("clothing/knitwear"). */
export function normaliseCategoryPath(path: string): string {
  return path
    .split('/')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean)
    .join('/')
}
