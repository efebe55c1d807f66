import type { Redis } from 'ioredis'
import type { Logger } from 'pino'

import { localVersions, redisVersions, type CacheVersions } from './cacheVersions'
import { env } from './env'
import { logger } from './logger'
import { SizedLru } from './lru'
import { metrics } from './metrics'
import { processSingleton } from './processSingleton'
import { createRedisClient, redis } from './redis'

export type CachedResponse = { status: number; headers: Record<string, string | string[]>; body: Buffer; size: number }

/** What each cached route's JSON can contain (depth pulls relations in), so which versions its keys carry. */
export const CACHE_GROUPS = {
  products: ['products', 'categories', 'media'],
  categories: ['categories', 'media'],
  inventory: ['inventory', 'products', 'categories', 'media'],
  settings: ['store-settings'],
  graphql: ['products', 'categories', 'inventory', 'media', 'store-settings'],
  // GET /api/search: matches, card fields and images, and the in-stock facet (stock events bump inventory).
  search: ['products', 'categories', 'inventory', 'media'],
  // The merchandiser's dashboard (src/infra/dashboard.ts): its figures, not an HTTP route.
  dashboard: ['orders', 'inventory'],
} as const satisfies Record<string, readonly string[]>
export type CacheGroup = keyof typeof CACHE_GROUPS
export const VERSIONED_COLLECTIONS = ['products', 'categories', 'inventory', 'media', 'store-settings'] as const
/** Versions bumped by domain events rather than by a collection's hooks (orders move through workflows). */
export const EVENT_VERSIONS = ['orders'] as const

/** Each HTTP cache group's tag of versions; null while they can't be trusted. */
export type GroupTags = Record<CacheGroup, string> | null

/** A copy of the in-process tier kept elsewhere (the edge, src/server/edge): told of every change as it happens. */
export interface CacheSink {
  versions(tags: GroupTags): void
  /** An answer stored in, or served from, the in-process tier. */
  entry(key: string, entry: CachedResponse): void
  clear(): void
}

/** The full key of a request: its group, the group's versions, and the request's own key. */
export const cacheKey = (group: CacheGroup, tag: string, requestKey: string): string => `${group}:${tag}:${requestKey}`

export interface ReadCache {
  readonly tiers: 'memory' | 'memory+redis'
  /** The full key for a request, or null while the cache can't be trusted (Redis configured but away). */
  keyFor(group: CacheGroup, requestKey: string): string | null
  /** The in-process tier; counted as a memory hit or miss (a miss not counted when the caller will ask again). */
  memory(key: string, options?: { countMiss?: boolean }): CachedResponse | undefined
  /** Redis, then `produce` (the real handler) once per key however many ask at once; null when not cacheable. */
  fill(key: string, produce: () => Promise<CachedResponse | null>): Promise<CachedResponse | null>
  bump(collections: readonly string[]): Promise<void>
  /** Sends `sink` the versions now and then every change, every HTTP answer stored or served from memory, every clear. */
  share(sink: CacheSink): void
  ready(timeoutMs?: number): Promise<boolean>
  close(): Promise<void>
}

// Redis holds `{"s":status,"h":headers}\n<body>` as one binary value.
export function encodeEntry(entry: CachedResponse): Buffer {
  return Buffer.concat([Buffer.from(JSON.stringify({ s: entry.status, h: entry.headers }) + '\n'), entry.body])
}

export function decodeEntry(raw: Buffer): CachedResponse {
  const at = raw.indexOf(10)
  const head = JSON.parse(raw.subarray(0, at).toString('utf8')) as { s: number; h: CachedResponse['headers'] }
  const body = raw.subarray(at + 1)
  return { status: head.s, headers: head.h, body, size: raw.length }
}

type Options = {
  client: Redis | null
  subscriber?: Redis
  prefix: string
  maxBytes: number
  ttlSeconds: number
  refreshMs: number
  logger: Logger
}

export function createReadCache(options: Options): ReadCache {
  const { client, prefix, logger: log } = options
  const lru = new SizedLru<CachedResponse>(options.maxBytes)
  const versions: CacheVersions =
    client && options.subscriber
      ? redisVersions({
          client,
          subscriber: options.subscriber,
          prefix,
          collections: [...VERSIONED_COLLECTIONS, ...EVENT_VERSIONS],
          refreshMs: options.refreshMs,
          logger: log,
        })
      : localVersions()
  let sink: CacheSink | undefined
  versions.onResync(() => {
    lru.clear()
    sink?.clear()
  })
  const groupTags = (): GroupTags => {
    const tags = {} as Record<CacheGroup, string>
    for (const group of Object.keys(CACHE_GROUPS) as CacheGroup[]) {
      const tag = versions.tag(CACHE_GROUPS[group])
      if (tag === null) return null
      tags[group] = tag
    }
    return tags
  }
  versions.onChange(() => sink?.versions(groupTags()))
  // Only answers to HTTP requests (their request key is a path) are shared: the dashboard's figures stay here.
  const share = (key: string, entry: CachedResponse) => {
    if (sink && key.includes(':/api/')) sink.entry(key, entry)
  }
  const remember = (key: string, entry: CachedResponse) => {
    lru.set(key, entry)
    share(key, entry)
  }
  const inflight = new Map<string, Promise<CachedResponse | null>>()
  // Label children resolved once: the hit path should not hash label objects per request.
  const counted = {
    memoryHit: metrics().cacheRequests.labels('hit', 'memory'),
    memoryMiss: metrics().cacheRequests.labels('miss', 'memory'),
    redisHit: metrics().cacheRequests.labels('hit', 'redis'),
    redisMiss: metrics().cacheRequests.labels('miss', 'redis'),
  }
  let redisErrorLogged = 0

  const redisFailed = (err: unknown, op: string) => {
    counted.redisMiss.inc()
    // A dead Redis would otherwise log once per request.
    if (Date.now() - redisErrorLogged < 10_000) return
    redisErrorLogged = Date.now()
    log.warn({ err: { message: (err as Error).message }, op }, 'Redis cache unavailable: counted as a miss')
  }

  async function readRedis(key: string): Promise<CachedResponse | null> {
    if (!client) return null
    try {
      const raw = await client.getBuffer(`${prefix}cache:e:${key}`)
      ;(raw ? counted.redisHit : counted.redisMiss).inc()
      return raw ? decodeEntry(raw) : null
    } catch (err) {
      redisFailed(err, 'get')
      return null
    }
  }

  function writeRedis(key: string, entry: CachedResponse): void {
    client?.set(`${prefix}cache:e:${key}`, encodeEntry(entry), 'EX', options.ttlSeconds).catch((err: Error) => redisFailed(err, 'set'))
  }

  async function lead(key: string, produce: () => Promise<CachedResponse | null>): Promise<CachedResponse | null> {
    const shared = await readRedis(key)
    if (shared) {
      remember(key, shared)
      return shared
    }
    const fresh = await produce()
    if (fresh) {
      remember(key, fresh)
      writeRedis(key, fresh)
    }
    return fresh
  }

  return {
    tiers: client ? 'memory+redis' : 'memory',
    keyFor(group, requestKey) {
      const tag = versions.tag(CACHE_GROUPS[group])
      return tag === null ? null : cacheKey(group, tag, requestKey)
    },
    memory(key, { countMiss = true } = {}) {
      const entry = lru.get(key)
      if (entry) {
        counted.memoryHit.inc()
        // Asked here, so the copy did not have it (evicted there, or asked in a way only this side answers).
        share(key, entry)
      } else if (countMiss) counted.memoryMiss.inc()
      return entry
    },
    fill(key, produce) {
      let running = inflight.get(key)
      if (!running) {
        running = lead(key, produce).finally(() => inflight.delete(key))
        inflight.set(key, running)
      }
      return running
    },
    bump: (collections) => versions.bump(collections),
    share(to) {
      sink = to
      to.versions(groupTags())
    },
    ready: (timeoutMs) => versions.ready(timeoutMs),
    async close() {
      await versions.close()
      await options.subscriber?.quit().catch(() => options.subscriber?.disconnect())
      lru.clear()
    },
  }
}

// One cache per process: Payload hooks in Next's bundle bump the versions the server reads.
export function readCache(): ReadCache {
  return processSingleton('readCache', () => {
    const settings = env()
    const client = redis()
    return createReadCache({
      client,
      subscriber: client ? createRedisClient(settings.REDIS_URL!, 'cache-subscriber') : undefined,
      prefix: settings.REDIS_KEY_PREFIX,
      maxBytes: settings.CACHE_MEMORY_MAX_BYTES,
      ttlSeconds: settings.CACHE_REDIS_TTL_SECONDS,
      refreshMs: settings.CACHE_VERSION_REFRESH_MS,
      logger: logger(),
    })
  })
}

/** Invalidates every cached read that depends on these collections, on every instance sharing Redis. */
export function bumpCacheVersions(collections: readonly string[]): Promise<void> {
  return readCache().bump(collections)
}
