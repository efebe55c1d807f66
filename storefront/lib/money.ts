import { formatGBP } from '../../src/commerce/money'

/** "£1,234.56" from integer pence, as the CMS formats it; a dash for anything else, so a page never fails on a bad amount. */
export function formatPrice(pence: number): string {
  return Number.isSafeInteger(pence) ? formatGBP(pence) : '—'
}

/** "12", "12.5", "£12.50" → pence; null for anything else (blank, negative, more than 2 decimals). */
export function parsePounds(input: string | null | undefined): number | null {
  if (typeof input !== 'string') return null
  // eslint-disable-next-line security/detect-unsafe-regex -- bounded repetitions only ({1,7}, {1,2}): linear
  const match = /^£?\s*(\d{1,7})(?:\.(\d{1,2}))?$/.exec(input.trim())
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'))
}

/** "12.50" for a form field, from pence. */
export function penceToPoundsInput(pence: number | null): string {
  if (pence === null) return ''
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2)
}

/** "12.50" for schema.org offers. */
export function penceToDecimal(pence: number): string {
  return (pence / 100).toFixed(2)
}
