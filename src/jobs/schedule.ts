import type { Env } from '../infra/env'

export type ScheduledJob = {
  /** Names the tick lock, so several schedulers fire each tick once. */
  name: string
  /** node-cron expression (seconds optional), overridable by the environment. */
  cron: string
  task: string
  input: Record<string, unknown>
}

/** The periodic jobs: this table is the whole schedule. */
export function schedule(env: Env): ScheduledJob[] {
  return [
    { name: 'reservation-expiry', cron: env.SCHEDULE_RESERVATION_EXPIRY, task: 'releaseExpiredReservations', input: {} },
    { name: 'low-stock-digest', cron: env.SCHEDULE_LOW_STOCK_DIGEST, task: 'sendLowStockDigest', input: {} },
    {
      name: 'idempotency-cleanup',
      cron: env.SCHEDULE_IDEMPOTENCY_CLEANUP,
      task: 'cleanIdempotencyKeys',
      input: { olderThanHours: env.IDEMPOTENCY_KEY_TTL_HOURS },
    },
    { name: 'cart-cleanup', cron: env.SCHEDULE_CART_CLEANUP, task: 'cleanStaleCarts', input: { olderThanDays: env.CART_STALE_DAYS } },
  ]
}
