import { isCommerceError } from '../errors'
import type { CommerceDeps, Id } from './ports'
import { transitionOrder } from './transitionOrder'

export interface ReleaseExpiredResult {
  found: number
  expired: number
  failed: number
  failures: { orderId: Id; code: string; message: string }[]
}

export const EXPIRY_NOTE = 'Reservation expired'

/** Expires every pending order past its hold, each in its own transaction; one failure stops nothing. */
export async function releaseExpiredReservations(deps: CommerceDeps, options: { limit?: number } = {}): Promise<ReleaseExpiredResult> {
  const ids = await deps.store.findExpiredPendingOrders(deps.clock.now(), options.limit ?? 100)
  const result: ReleaseExpiredResult = { found: ids.length, expired: 0, failed: 0, failures: [] }
  for (const orderId of ids) {
    try {
      await transitionOrder(deps, { orderId, by: null, body: { to: 'expired', note: EXPIRY_NOTE } })
      result.expired += 1
    } catch (error) {
      result.failed += 1
      const code = isCommerceError(error) ? error.code : 'internal_error'
      result.failures.push({
        orderId,
        code,
        message: error instanceof Error ? error.message : String(error),
      })
    }
  }
  return result
}
