import { attemptOutcome, retryDelayMs, shouldDisableWebhook } from './retry'

const settings = { maxAttempts: 6, baseDelayMs: 30_000, maxDelayMs: 3_600_000 }

describe('retryDelayMs', () => {
  it('should wait 30 s, 2 m, 8 m, 32 m, then an hour at most', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, settings))).toEqual([30_000, 120_000, 480_000, 1_920_000, 3_600_000, 3_600_000])
  })
})

describe('attemptOutcome', () => {
  it('should finish on success and retry a failure until the attempts are spent', () => {
    expect(attemptOutcome(true, 3, settings)).toEqual({ status: 'succeeded' })
    expect(attemptOutcome(false, 1, settings)).toEqual({ status: 'retrying', retryInMs: 30_000 })
    expect(attemptOutcome(false, 6, settings)).toEqual({ status: 'failed' })
  })
})

describe('shouldDisableWebhook', () => {
  it('should switch a webhook off at the set number of failed deliveries in a row, never when the setting is 0', () => {
    expect([4, 5, 6].map((n) => shouldDisableWebhook(n, 5))).toEqual([false, true, true])
    expect(shouldDisableWebhook(100, 0)).toBe(false)
  })
})
