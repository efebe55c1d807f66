import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'

import { env } from './env'
import { processSingleton } from './processSingleton'
import { isRedisReady, redis } from './redis'

// Instead of locking an account (which lets anyone lock anyone out), failed logins to one account from one client
// address slow that pair down: after FREE_FAILURES, each further try waits 1 s, 2 s, 4 s … up to MAX_DELAY_SECONDS.
export const FREE_FAILURES = 3
export const MAX_DELAY_SECONDS = 15 * 60
/** A run of failures is forgotten after this long without one. */
const FORGET_AFTER_SECONDS = 24 * 60 * 60

/** Seconds the next attempt must wait after `failures` failures in a row, the last at `lastAt` (ms). */
export function delayAfter(failures: number, lastAt: number, now: number): number {
  if (failures <= FREE_FAILURES) return 0
  const delay = Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_SECONDS)
  return Math.max(0, Math.ceil((lastAt + delay * 1000 - now) / 1000))
}

export interface LoginDelays {
  /** Seconds this account-and-address pair must still wait (0: may try now). */
  wait(key: string): Promise<number>
  /** Counts one attempt as failed (a success calls `clear`). */
  fail(key: string): Promise<void>
  clear(key: string): Promise<void>
}

const digest = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22)

export function memoryLoginDelays(now: () => number = Date.now): LoginDelays {
  const runs = new Map<string, { failures: number; lastAt: number }>()
  return {
    async wait(key) {
      const run = runs.get(digest(key))
      return run ? delayAfter(run.failures, run.lastAt, now()) : 0
    },
    async fail(key) {
      const t = now()
      if (runs.size > 100_000) for (const [k, r] of runs) if (t - r.lastAt > FORGET_AFTER_SECONDS * 1000) runs.delete(k)
      const run = runs.get(digest(key))
      runs.set(digest(key), { failures: (run && t - run.lastAt < FORGET_AFTER_SECONDS * 1000 ? run.failures : 0) + 1, lastAt: t })
    },
    async clear(key) {
      runs.delete(digest(key))
    },
  }
}

/** Shared across instances through Redis (a hash of failures and last time per pair); in-process while Redis is away. */
export function redisLoginDelays(client: Redis, prefix: string): LoginDelays {
  const fallback = memoryLoginDelays()
  const keyOf = (key: string) => `${prefix}login-delay:${digest(key)}`
  return {
    async wait(key) {
      if (!isRedisReady(client)) return fallback.wait(key)
      const run = await client.hmget(keyOf(key), 'failures', 'lastAt').catch(() => null)
      if (!run) return fallback.wait(key)
      return delayAfter(Number(run[0] ?? 0), Number(run[1] ?? 0), Date.now())
    },
    async fail(key) {
      if (!isRedisReady(client)) return fallback.fail(key)
      const k = keyOf(key)
      await client
        .multi()
        .hincrby(k, 'failures', 1)
        .hset(k, 'lastAt', String(Date.now()))
        .expire(k, FORGET_AFTER_SECONDS)
        .exec()
        .catch(() => fallback.fail(key))
    },
    async clear(key) {
      if (!isRedisReady(client)) return fallback.clear(key)
      await client.del(keyOf(key)).catch(() => fallback.clear(key))
    },
  }
}

export function loginDelays(): LoginDelays {
  return processSingleton('loginDelays', () => {
    const client = redis()
    return client ? redisLoginDelays(client, env().REDIS_KEY_PREFIX) : memoryLoginDelays()
  })
}
