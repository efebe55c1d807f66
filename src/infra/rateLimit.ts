import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'

import { env } from './env'
import { logger } from './logger'
import { processSingleton } from './processSingleton'
import { isRedisReady, redis } from './redis'

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number }

export interface RateLimiter {
  /** Counts `cost` (default 1) attempts of `id` in `bucket`: a fixed window of `windowSeconds` allowing `limit` attempts. */
  hit(bucket: string, id: string, limit: number, windowSeconds: number, cost?: number): Promise<RateLimitResult>
}

// INCRBY the window's counter, starting its expiry on the first attempt; answer the count and time left.
const HIT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`

/** Identifiers (emails, addresses) are hashed so they never sit in Redis in clear. */
const digest = (id: string) => createHash('sha256').update(id).digest('base64url').slice(0, 22)

const verdict = (count: number, ttlMs: number, limit: number): RateLimitResult => ({
  allowed: count <= limit,
  remaining: Math.max(0, limit - count),
  retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
})

export function memoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>()
  let sweptAt = now()
  return {
    async hit(bucket, id, limit, windowSeconds, cost = 1) {
      const t = now()
      if (t - sweptAt > 60_000) {
        for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k)
        sweptAt = t
      }
      const key = `${bucket}:${digest(id)}`
      let window = windows.get(key)
      if (!window || window.resetAt <= t) {
        window = { count: 0, resetAt: t + windowSeconds * 1000 }
        windows.set(key, window)
      }
      window.count += cost
      return verdict(window.count, window.resetAt - t, limit)
    },
  }
}

/** Shared across instances through Redis; while Redis is away each instance limits on its own. */
export function redisRateLimiter(client: Redis, prefix: string, log: Logger): RateLimiter {
  const fallback = memoryRateLimiter()
  let warnedAt = 0
  return {
    async hit(bucket, id, limit, windowSeconds, cost = 1) {
      if (!isRedisReady(client)) return fallback.hit(bucket, id, limit, windowSeconds, cost)
      try {
        const key = `${prefix}rl:${bucket}:${digest(id)}`
        const [count, ttl] = (await client.eval(HIT_SCRIPT, 1, key, String(windowSeconds * 1000), String(cost))) as [number, number]
        return verdict(Number(count), Number(ttl), limit)
      } catch (err) {
        if (Date.now() - warnedAt > 10_000) {
          warnedAt = Date.now()
          log.warn({ err: { message: (err as Error).message } }, 'Rate limits fall back to in-process counters')
        }
        return fallback.hit(bucket, id, limit, windowSeconds, cost)
      }
    },
  }
}

export function rateLimiter(): RateLimiter {
  return processSingleton('rateLimiter', () => {
    const client = redis()
    return client ? redisRateLimiter(client, env().REDIS_KEY_PREFIX, logger()) : memoryRateLimiter()
  })
}
