import type { Payload } from 'payload'
import pino from 'pino'

import { memoryLock, redisLock, type Lock } from '../../src/infra/lock'
import { metrics } from '../../src/infra/metrics'
import { createRedisClient } from '../../src/infra/redis'
import { queryRows, sql } from '../../src/infra/sql'
import { releaseOrphanedJobs, startJobsRunner } from '../../src/jobs/runner'
import { startScheduler, type Scheduler } from '../../src/jobs/scheduler'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { hasRedisServer, startRedisServer, type TestRedis } from '../helpers/redisServer'

const quiet = pino({ level: 'silent' })
const everySecond = [{ name: 'tick-test', cron: '* * * * * *', task: 'cleanIdempotencyKeys', input: {} }]

/** Runs two schedulers side by side for a few seconds and counts what each tick enqueued. */
async function runTwoSchedulers(lockA: Lock, lockB: Lock, ms = 3300): Promise<number[]> {
  const perTick = new Map<number, number>()
  const enqueue = async (_task: string, _input: unknown, tick: Date) => {
    perTick.set(tick.getTime(), (perTick.get(tick.getTime()) ?? 0) + 1)
  }
  const schedulers: Scheduler[] = [
    startScheduler({ jobs: everySecond, lock: lockA, enqueue, logger: quiet }),
    startScheduler({ jobs: everySecond, lock: lockB, enqueue, logger: quiet }),
  ]
  await new Promise((r) => setTimeout(r, ms))
  await Promise.all(schedulers.map((s) => s.stop()))
  return [...perTick.values()]
}

describe('two schedulers at once', () => {
  it('should fire each tick once when they share this process', async () => {
    const counts = await runTwoSchedulers(memoryLock(), memoryLock())
    expect(counts.length).toBeGreaterThanOrEqual(2)
    expect(counts.every((c) => c === 1)).toBe(true)
  })
})

const describeWithRedisServer = hasRedisServer() || process.env.CI === 'true' ? describe : describe.skip

describeWithRedisServer('two schedulers sharing Redis', () => {
  let redisServer: TestRedis

  beforeAll(async () => {
    redisServer = await startRedisServer()
  })

  afterAll(async () => {
    await redisServer?.stop()
  })

  it('should fire each tick once', async () => {
    const a = createRedisClient(redisServer.url, 'scheduler-a')
    const b = createRedisClient(redisServer.url, 'scheduler-b')
    await new Promise((r) => setTimeout(r, 200))
    const counts = await runTwoSchedulers(redisLock(a, 'ir-test:'), redisLock(b, 'ir-test:'))
    a.disconnect()
    b.disconnect()
    expect(counts.length).toBeGreaterThanOrEqual(2)
    expect(counts.every((c) => c === 1)).toBe(true)
  })
})

describe('the jobs runner', () => {
  let app: TestPayload
  let payload: Payload

  beforeAll(async () => {
    app = await bootPayload()
    payload = app.payload
  })

  afterAll(async () => {
    await app?.close()
  })

  it('should run queued clean-ups, time them, and finish the batch in hand when stopped', async () => {
    const old = new Date(Date.now() - 48 * 3_600_000).toISOString()
    const now = new Date().toISOString()
    const insert = (key: string, at: string) =>
      queryRows(
        payload,
        undefined,
        sql`INSERT INTO idempotency_keys (key, request_hash, state, created_at, updated_at) VALUES (${key}, ${'h'}, ${'completed'}, ${at}, ${at})`,
      )
    await insert('old-key', old)
    await insert('fresh-key', now)
    const job = await payload.jobs.queue({ task: 'cleanIdempotencyKeys', input: { olderThanHours: 24 } })
    const runner = startJobsRunner({ payload, lock: memoryLock(), logger: quiet, pollMs: 100, batch: 5 })
    // Payload deletes a job once it completes.
    const pending = async () => (await payload.count({ collection: 'payload-jobs', where: { id: { equals: job.id } } })).totalDocs
    for (let i = 0; i < 50 && (await pending()) > 0; i++) await new Promise((r) => setTimeout(r, 100))
    await runner.stop()
    const keys = await queryRows<{ key: string }>(payload, undefined, sql`SELECT key FROM idempotency_keys ORDER BY key`)
    const runs = (await metrics().jobsRun.get()).values.find((v) => v.labels.task === 'cleanIdempotencyKeys')?.value
    expect(await pending()).toBe(0)
    expect(keys.map((k) => k.key)).toEqual(['fresh-key'])
    expect(runs).toBe(1)
  })
  it('should empty saved carts untouched for longer than the limit and keep recent ones', async () => {
    const make = async (email: string) =>
      payload.create({ collection: 'customers', data: { email, password: 'customer-password-1', cart: [{ sku: 'X-1', quantity: 1 }] } as never })
    const stale = await make(`stale-${Date.now()}@example.com`)
    const recent = await make(`recent-${Date.now()}@example.com`)
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString()
    await queryRows(payload, undefined, sql`UPDATE customers SET updated_at = ${old} WHERE id = ${stale.id}`)
    await payload.jobs.queue({ task: 'cleanStaleCarts', input: { olderThanDays: 30 } })
    await payload.jobs.run({ limit: 5 })
    const carts = await Promise.all(
      [stale, recent].map(async (c) => (await payload.findByID({ collection: 'customers', id: c.id, overrideAccess: true })).cart),
    )
    expect(carts).toEqual([null, [{ sku: 'X-1', quantity: 1 }]])
  })

  it('should queue again a job a killed runner left marked running, once it has been left long enough', async () => {
    const job = await payload.jobs.queue({ task: 'cleanStaleCarts', input: { olderThanDays: 30 } })
    await payload.update({ collection: 'payload-jobs', id: job.id, data: { processing: true }, overrideAccess: true })
    const processing = async () => (await payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true })).processing
    const lock = memoryLock()
    const tooSoon = await releaseOrphanedJobs(payload, lock)
    const stillMarked = await processing()
    const later = await releaseOrphanedJobs(payload, lock, Date.now() + 5 * 60_000)
    expect([tooSoon, stillMarked]).toEqual([0, true])
    expect([later, await processing()]).toEqual([1, false])
  })

  it('should leave a long-running job alone while its runner still holds its lease', async () => {
    const job = await payload.jobs.queue({ task: 'cleanStaleCarts', input: { olderThanDays: 30 } })
    await payload.update({ collection: 'payload-jobs', id: job.id, data: { processing: true }, overrideAccess: true })
    const lock = memoryLock()
    const held = await lock.acquire(`jobs:job:${job.id}`, 10 * 60_000)
    const whileHeld = await releaseOrphanedJobs(payload, lock, Date.now() + 5 * 60_000)
    await held!.release()
    const afterRelease = await releaseOrphanedJobs(payload, lock, Date.now() + 5 * 60_000)
    expect([whileHeld, afterRelease]).toEqual([0, 1])
  })

  it('should run each job once when several runners share the queue', async () => {
    await Promise.all(Array.from({ length: 24 }, () => payload.jobs.queue({ task: 'cleanIdempotencyKeys', input: { olderThanHours: 24 } })))
    const counted = async () => (await metrics().jobsRun.get()).values.find((v) => v.labels.task === 'cleanIdempotencyKeys')?.value ?? 0
    const runsBefore = await counted()
    // Two workers' worth of runners, three batches at a time each, on one lock (as two workers on one Redis).
    const lock = memoryLock()
    const runners = [0, 1].map(() => startJobsRunner({ payload, lock, logger: quiet, pollMs: 20, batch: 3, concurrency: 3 }))
    const left = async () =>
      (await payload.count({ collection: 'payload-jobs', overrideAccess: true, where: { taskSlug: { equals: 'cleanIdempotencyKeys' } } })).totalDocs
    for (let i = 0; i < 200 && (await left()) > 0; i++) await new Promise((r) => setTimeout(r, 50))
    await Promise.all(runners.map((r) => r.stop()))
    expect({ left: await left(), runs: (await counted()) - runsBefore }).toEqual({ left: 0, runs: 24 })
  })
})
