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
  assertPence(pence)
  const sign = pence < 0 ? '-' : ''
  const abs = Math.abs(pence)
  const pounds = Math.floor(abs / 100)
  const rest = String(abs % 100).padStart(2, '0')
  // Grouped by hand so the output never depends on the runtime's ICU data.
  // eslint-disable-next-line security/detect-unsafe-regex -- runs on the digits of a safe integer (at most 16)
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}£${grouped}.${rest}`
}

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
