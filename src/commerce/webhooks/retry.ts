/** How a webhook retries: `baseDelayMs`, then ×4 each time (30 s, 2 m, 8 m, 32 m …), never longer than `maxDelayMs`. */
export interface RetrySettings {
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
}

export function retryDelayMs(failedAttempts: number, settings: RetrySettings): number {
  const exponent = Math.max(0, failedAttempts - 1)
  return Math.min(settings.baseDelayMs * 4 ** exponent, settings.maxDelayMs)
}

export type AttemptOutcome = { status: 'succeeded' } | { status: 'retrying'; retryInMs: number } | { status: 'failed' }

/** After attempt number `attempts`: done, another try later, or given up. */
export function attemptOutcome(ok: boolean, attempts: number, settings: RetrySettings): AttemptOutcome {
  if (ok) return { status: 'succeeded' }
  if (attempts >= settings.maxAttempts) return { status: 'failed' }
  return { status: 'retrying', retryInMs: retryDelayMs(attempts, settings) }
}

/** A webhook whose deliveries have failed (every retry spent) this many times in a row is switched off. */
export const shouldDisableWebhook = (consecutiveFailures: number, disableAfter: number): boolean => disableAfter > 0 && consecutiveFailures >= disableAfter
