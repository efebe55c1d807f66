import { CommerceError } from './errors'
import { assertNonNegativePence, roundHalfUp } from './money'
import type { Pence } from './money'

/** Percent (e.g. 12.5) → basis points (1250); refuses more than two decimals so the maths stays exact. */
export function vatRateToBasisPoints(ratePercent: number): number {
  if (typeof ratePercent !== 'number' || !Number.isFinite(ratePercent)) {
    throw new CommerceError(500, 'invalid_vat_rate', 'vatRate must be a number')
  }
  const bps = Math.round(ratePercent * 100)
  // Float error on e.g. 17.55 * 100 is far below 1e-6; anything larger means a third decimal.
  if (Math.abs(bps - ratePercent * 100) > 1e-6) {
    throw new CommerceError(500, 'invalid_vat_rate', 'vatRate allows at most two decimal places')
  }
  if (bps < 0 || bps > 10000) {
    throw new CommerceError(500, 'invalid_vat_rate', 'vatRate must be between 0 and 100')
  }
  return bps
}

/** The VAT part of a VAT-inclusive total: round-half-up(total × r / (1 + r)), in integers. */
export function vatFromInclusive(total: Pence, ratePercent: number): Pence {
  assertNonNegativePence(total, 'total')
  const bps = vatRateToBasisPoints(ratePercent)
  return roundHalfUp(BigInt(total) * BigInt(bps), BigInt(10000 + bps))
}
