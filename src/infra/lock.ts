import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'

import { env } from './env'
import { processSingleton } from './processSingleton'
import { redis } from './redis'

export type Lease = { extend(ttlMs: number): Promise<boolean>; release(): Promise<void> }

/** A named mutual-exclusion lease with a time limit, for work only one process should do at a time. */
export interface Lock {
  /** The lease, or null when someone else holds it (or, with Redis configured, when Redis can't be asked). */
  acquire(name: string, ttlMs: number): Promise<Lease | null>
}

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`

/** SET NX PX across every process sharing Redis; only the holder's token can extend or release it. */
export function redisLock(client: Redis, prefix: string): Lock {
  return {
    async acquire(name, ttlMs) {
      const key = `${prefix}lock:${name}`
      const token = randomUUID()
      const ok = await client.set(key, token, 'PX', ttlMs, 'NX').catch(() => null)
      if (ok !== 'OK') return null
      return {
        extend: async (ms) => Number(await client.eval(EXTEND, 1, key, token, String(ms)).catch(() => 0)) === 1,
        release: async () => {
          await client.eval(RELEASE, 1, key, token).catch(() => undefined)
        },
      }
    },
  }
}

/** Without Redis: exclusion between the schedulers and workers of one process. */
export function memoryLock(now: () => number = Date.now): Lock {
  // Shared by everything in this process, like the other process-wide state.
  const table = processSingleton('locks', () => new Map<string, { token: string; until: number }>())
  return {
    async acquire(name, ttlMs) {
      const held = table.get(name)
      if (held && held.until > now()) return null
      const token = randomUUID()
      table.set(name, { token, until: now() + ttlMs })
      const mine = () => table.get(name)?.token === token
      return {
        extend: async (ms) => {
          if (!mine()) return false
          table.set(name, { token, until: now() + ms })
          return true
        },
        release: async () => {
          if (mine()) table.delete(name)
        },
      }
    },
  }
}

export function processLock(): Lock {
  const client = redis()
  return client ? redisLock(client, env().REDIS_KEY_PREFIX) : memoryLock()
}
