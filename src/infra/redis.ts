import { Redis } from 'ioredis'

import { env } from './env'
import { logger } from './logger'
import { dropProcessSingleton, processSingleton } from './processSingleton'

export type { Redis }

/**
 * A client that fails fast while Redis is away (no offline queue, one retry per command) and keeps
 * reconnecting in the background: callers treat an error as a miss, never as a failed request.
 */
export function createRedisClient(url: string, name = 'redis'): Redis {
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000),
  })
  let down = false
  client.on('error', (err: Error) => {
    if (down) return
    down = true
    logger().warn({ err: { message: err.message }, client: name }, 'Redis unavailable; the cache misses and limits fall back in-process until it returns')
  })
  client.on('ready', () => {
    if (down) logger().info({ client: name }, 'Redis is back')
    down = false
  })
  return client
}

// One client per process (plus the cache's subscriber): Next's bundle and the server share it.
/** The shared client, or null when REDIS_URL is not set (the in-process fallbacks apply). */
export function redis(): Redis | null {
  return processSingleton<Redis | null>('redis', () => (env().REDIS_URL ? createRedisClient(env().REDIS_URL!) : null))
}

export function isRedisReady(client: Redis | null): client is Redis {
  return !!client && client.status === 'ready'
}

export async function closeRedis(): Promise<void> {
  const client = dropProcessSingleton<Redis | null>('redis')
  await client?.quit().catch(() => client.disconnect())
}
