import { CommerceError } from './errors'

/** An amount of money in pence (GBP minor units); always an integer. */
export type Pence = number

/** Throws unless `value` is a safe integer number of pence. */
export function assertPence(value: unknown, field = 'amount'): asserts value is Pence {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new CommerceError(500, 'invalid_amount', `${field} must be a whole number of pence`, [{ field, message: 'must be a whole number of pence' }])
  }
}

export function assertNonNegativePence(value: unknown, field = 'amount'): asserts value is Pence {
  assertPence(value, field)
  if (value < 0) {
    throw new CommerceError(500, 'invalid_amount', `${field} must not be negative`, [{ field, message: 'must not be negative' }])
  }
}

/** "£1,234.56"; negatives as "-£1.50". */
export function formatGBP(pence: Pence): string {
  const { sign, pounds, rest } = splitPence(pence)
  // Grouped by hand so the output never depends on the runtime's ICU data.
  // eslint-disable-next-line security/detect-unsafe-regex -- runs on the digits of a safe integer (at most 16)
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}£${grouped}.${rest}`
}

/** "1234.56": pence as a person types pounds into a form (no sign, no grouping); negatives as "-1.50". */
export function formatPounds(pence: Pence): string {
  const { sign, pounds, rest } = splitPence(pence)
  return `${sign}${pounds}.${rest}`
}

function splitPence(pence: Pence): { sign: string; pounds: number; rest: string } {
  assertPence(pence)
  const abs = Math.abs(pence)
  return { sign: pence < 0 ? '-' : '', pounds: Math.floor(abs / 100), rest: String(abs % 100).padStart(2, '0') }
}

/** An amount typed in pounds, read: the pence (null when nothing was typed), or what is wrong with it. */
export type PoundsReading = { ok: true; pence: Pence | null } | { ok: false; message: string }

export const POUNDS_EXAMPLE = 'Enter an amount in pounds, like 12.50'
// Pounds with optional thousands commas ("1,234"), then optional pence after a point.
// eslint-disable-next-line security/detect-unsafe-regex -- anchored, no nested quantifier over the same characters
const POUNDS = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/
const MAX_POUNDS_DIGITS = 13

/**
 * Reads what a person typed as pounds: "12.50", "12.5", "£12.50", "12", "1,234.56" (as formatGBP prints) are
 * pence; a decimal comma ("12,50"), more than two decimals, a minus sign or anything else is refused with a
 * message saying what to type instead.
 */
export function parsePounds(text: string): PoundsReading {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, pence: null }
  const amount = trimmed.replace(/^£\s*/, '')
  if (/^[-\u2212]/.test(trimmed) || /^[-\u2212]/.test(amount)) return refuse('The amount must not be negative')
  const decimalComma = /^(\d+),(\d{1,2})$/.exec(amount)
  if (decimalComma) return refuse(`Use a point before the pence: ${decimalComma[1]}.${decimalComma[2].padEnd(2, '0')}, not ${amount}`)
  const match = POUNDS.exec(amount)
  if (!match || (match[1] === '' && !match[2])) return refuse(POUNDS_EXAMPLE)
  const whole = match[1].replaceAll(',', '')
  const decimals = match[2] ?? ''
  if (decimals.length > 2) return refuse(`Pence have two decimal places at most: ${amount} has ${decimals.length}`)
  if (whole.replace(/^0+/, '').length > MAX_POUNDS_DIGITS) return refuse('The amount is too large')
  return { ok: true, pence: Number(whole || '0') * 100 + Number(decimals.padEnd(2, '0')) }
}

const refuse = (message: string): PoundsReading => ({ ok: false, message })

function toBigInt(value: number | bigint, name: string): bigint {
  if (typeof value === 'bigint') return value
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer`)
  return BigInt(value)
}

/**
 * numerator / denominator rounded to the nearest integer, halves away from zero
 * (Java's HALF_UP), exactly: BigInt keeps large products from losing precision.
 */
export function roundHalfUp(numerator: number | bigint, denominator: number | bigint): number {
  const n = toBigInt(numerator, 'numerator')
  let d = toBigInt(denominator, 'denominator')
  if (d === 0n) throw new RangeError('denominator must not be 0')
  let m = n
  if (d < 0n) {
    d = -d
    m = -m
  }
  const negative = m < 0n
  const abs = negative ? -m : m
  const quotient = abs / d
  const remainder = abs % d
  const rounded = remainder * 2n >= d ? quotient + 1n : quotient
  const result = Number(negative ? -rounded : rounded)
  if (!Number.isSafeInteger(result)) throw new RangeError('result is not a safe integer')
  return result
}
