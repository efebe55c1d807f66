import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http'

import type { CachedResponse, CacheGroup, ReadCache } from '../infra/cache'
import { metrics } from '../infra/metrics'
import { captureResponse, sendEntry } from './capture'
import { noteCacheState } from './requestLog'

export type Downstream = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/** GraphQL answers errors with a 200; those are not stored. */
export function withoutGraphQLErrors(entry: CachedResponse): boolean {
  try {
    const parsed = JSON.parse(entry.body.toString('utf8')) as { errors?: unknown }
    return !parsed.errors
  } catch {
    return false
  }
}

/**
 * Serves a cacheable anonymous read: the in-process tier first, then (once per key, whoever else asks
 * meanwhile waits) Redis, then the real handler, whose response is captured and stored if it is public.
 * Returns what happened, for the request log.
 */
export async function serveCachedRead(
  cache: ReadCache,
  group: CacheGroup,
  requestKey: string,
  req: IncomingMessage,
  res: ServerResponse,
  downstream: Downstream,
  accept?: (entry: CachedResponse) => boolean,
  /** Checks run only on a memory miss (the guard, limits); false when it has already answered. */
  gate?: () => Promise<boolean>,
): Promise<'HIT' | 'MISS'> {
  const key = cache.keyFor(group, requestKey)
  const ifNoneMatch = req.method === 'GET' ? (req.headers['if-none-match'] as string | undefined) : undefined
  if (key === null) {
    // Versions can't be trusted (Redis away): a miss, answered fresh.
    metrics().cacheRequests.inc({ result: 'miss', tier: 'redis' })
    if (gate && !(await gate())) return 'MISS'
    await downstream(req, res)
    return 'MISS'
  }
  const hit = cache.memory(key)
  if (hit) {
    sendEntry(res, hit, 'HIT', ifNoneMatch)
    return 'HIT'
  }
  if (gate && !(await gate())) return 'MISS'
  let produced = false
  let failure: unknown
  const entry = await cache.fill(key, async () => {
    produced = true
    res.setHeader('x-cache', 'MISS')
    const captured = captureResponse(res, accept, ifNoneMatch)
    try {
      await downstream(req, res)
    } catch (err) {
      // Waiting readers then try for themselves; this one's error goes to the caller.
      failure = err
      return null
    }
    return captured
  })
  if (failure) throw failure
  if (produced) return 'MISS'
  if (entry) {
    sendEntry(res, entry, 'HIT', ifNoneMatch)
    return 'HIT'
  }
  await downstream(req, res)
  return 'MISS'
}

type Head = OutgoingHttpHeader[]

/**
 * Answers an anonymous read already in the in-process tier at once, the way a static server would: no promise, and a
 * head built once per entry (`defaults`, the headers every answer carries, under the entry's own, then its length),
 * sent with the request id in one writeHead. Returns false, having written nothing, when the entry is not in memory or
 * the request asks for a 304; `serveCachedRead` then answers it.
 */
export function createMemoryAnswer(cache: Pick<ReadCache, 'keyFor' | 'memory'>, defaults: Record<string, string>) {
  const heads = new WeakMap<CachedResponse, Head>()
  const headOf = (entry: CachedResponse): Head => {
    let head = heads.get(entry)
    if (!head) {
      const headers = { ...defaults, ...entry.headers, 'x-cache': 'HIT', 'content-length': String(entry.body.length) }
      head = Object.entries(headers).flatMap(([name, value]) => [name, value])
      heads.set(entry, head)
    }
    return head
  }
  return (group: CacheGroup, requestKey: string, req: IncomingMessage, res: ServerResponse, requestId: string): boolean => {
    if (req.headers['if-none-match'] !== undefined) return false
    const key = cache.keyFor(group, requestKey)
    const hit = key === null ? undefined : cache.memory(key, { countMiss: false })
    if (!hit) return false
    noteCacheState(res, 'HIT')
    res.writeHead(hit.status, [...headOf(hit), 'x-request-id', requestId])
    res.end(hit.body)
    return true
  }
}
