import { Writable } from 'node:stream'
import type { Payload } from 'payload'
import pino from 'pino'

import { loadEnv } from '../infra/env'
import { memoryLock } from '../infra/lock'
import { setLogger } from '../infra/logger'
import { schedule } from './schedule'
import { startSchedulerProcess } from './scheduler'

const settings = (extra: Record<string, string> = {}) => loadEnv({ PAYLOAD_SECRET: 'x'.repeat(40), DATA_DIR: '/nonexistent/ir-data', ...extra })

/** Installs a logger whose lines the test can read. */
function captureLogs(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = []
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) })
  setLogger(pino({ level: 'info' }, sink))
  return lines
}

describe('schedule', () => {
  it('should list the four periodic jobs with the crons and ages the settings give', () => {
    const jobs = schedule(settings({ SCHEDULE_CART_CLEANUP: '5 4 * * *', CART_STALE_DAYS: '9', IDEMPOTENCY_KEY_TTL_HOURS: '6' }))
    expect(jobs).toEqual([
      { name: 'reservation-expiry', cron: '* * * * *', task: 'releaseExpiredReservations', input: {} },
      { name: 'low-stock-digest', cron: '0 7 * * *', task: 'sendLowStockDigest', input: {} },
      { name: 'idempotency-cleanup', cron: '17 * * * *', task: 'cleanIdempotencyKeys', input: { olderThanHours: 6 } },
      { name: 'cart-cleanup', cron: '5 4 * * *', task: 'cleanStaleCarts', input: { olderThanDays: 9 } },
    ])
  })
})

describe('startSchedulerProcess', () => {
  it('should enqueue each job into Payload’s queue on its cron, say what it runs, and stop', async () => {
    const logs = captureLogs()
    const queued: unknown[] = []
    const payload = { jobs: { queue: async (job: unknown) => void queued.push(job) } } as unknown as Payload
    const scheduler = startSchedulerProcess(payload, settings({ SCHEDULE_RESERVATION_EXPIRY: '* * * * * *' }), memoryLock())
    while (queued.length === 0) await new Promise((resolve) => setTimeout(resolve, 50))
    await scheduler.stop()
    expect(queued[0]).toEqual({ task: 'releaseExpiredReservations', input: {} })
    expect(logs.find((line) => line.msg === 'Scheduler running')).toMatchObject({
      jobs: ['reservation-expiry * * * * * *', 'low-stock-digest 0 7 * * *', 'idempotency-cleanup 17 * * * *', 'cart-cleanup 40 3 * * *'],
    })
  })
})
