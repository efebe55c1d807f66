import type { Redis } from 'ioredis'
import type { Logger } from 'pino'

/**
 * Per-collection version numbers that make up every cache key: a bump makes all keys that depend on
 * the collection unreachable. Without Redis they live in memory; with Redis they live there, each
 * instance keeps a copy that pub/sub keeps current, and a periodic read repairs any lost message.
 */
export interface CacheVersions {
  /** A tag of the current versions of these collections, or null while they can't be trusted. */
  tag(collections: readonly string[]): string | null
  bump(collections: readonly string[]): Promise<void>
  /** Called when versions were re-read after a gap, so a local tier drops what it may have missed. */
  onResync(listener: () => void): void
  /** Called after a version rises or the versions start or stop being trusted (the edge keeps a copy: src/server/edge). */
  onChange(listener: () => void): void
  /** Resolves once versions can be trusted (immediately without Redis). */
  ready(timeoutMs?: number): Promise<boolean>
  close(): Promise<void>
}

class VersionTable {
  private readonly values = new Map<string, number>()
  private tags = new WeakMap<readonly string[], string>()
  readonly changed: (() => void)[] = []

  tag(collections: readonly string[]): string {
    let tag = this.tags.get(collections)
    if (tag === undefined) {
      tag = collections.map((c) => this.values.get(c) ?? 0).join('.')
      this.tags.set(collections, tag)
    }
    return tag
  }

  /** Raises a version (never lowers it: messages may arrive out of order). */
  raise(collection: string, value: number): void {
    if ((this.values.get(collection) ?? -1) >= value) return
    this.values.set(collection, value)
    this.tags = new WeakMap()
    for (const listener of this.changed) listener()
  }
}

export function localVersions(): CacheVersions {
  const table = new VersionTable()
  let counter = Date.now()
  return {
    tag: (collections) => table.tag(collections),
    async bump(collections) {
      for (const c of collections) table.raise(c, ++counter)
    },
    onResync() {},
    onChange: (listener) => table.changed.push(listener),
    ready: async () => true,
    close: async () => {},
  }
}

// INCR each version (seeding a missing one from the clock, so a flushed Redis never reuses a number) and announce.
const BUMP_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  redis.call('SET', key, ARGV[2], 'NX')
  out[i] = redis.call('INCR', key)
end
local parts = {}
for i = 3, #ARGV do parts[#parts + 1] = ARGV[i] .. '=' .. out[i - 2] end
redis.call('PUBLISH', ARGV[1], table.concat(parts, ','))
return out`

type RedisVersionsOptions = {
  client: Redis
  subscriber: Redis
  prefix: string
  collections: readonly string[]
  refreshMs: number
  logger: Logger
}

export function redisVersions(options: RedisVersionsOptions): CacheVersions {
  const { client, subscriber, prefix, collections, logger } = options
  const table = new VersionTable()
  const channel = `${prefix}cache:bump`
  const keyOf = (c: string) => `${prefix}cache:v:${c}`
  const listeners: (() => void)[] = []
  const pending = new Set<string>()
  let synced = false
  let closed = false

  const parse = (message: string) => {
    for (const part of message.split(',')) {
      const at = part.lastIndexOf('=')
      if (at > 0) table.raise(part.slice(0, at), Number(part.slice(at + 1)))
    }
  }

  async function runBump(names: string[]): Promise<void> {
    const values = (await client.eval(BUMP_SCRIPT, names.length, ...names.map(keyOf), channel, String(Date.now()), ...names)) as number[]
    names.forEach((c, i) => table.raise(c, Number(values[i])))
  }

  async function resync(): Promise<void> {
    if (pending.size > 0) {
      const names = [...pending]
      await runBump(names)
      names.forEach((c) => pending.delete(c))
    }
    const seed = client.pipeline()
    for (const c of collections) seed.set(keyOf(c), String(Date.now()), 'NX')
    await seed.exec()
    const values = await client.mget(...collections.map(keyOf))
    const wasSynced = synced
    collections.forEach((c, i) => table.raise(c, Number(values[i] ?? 0)))
    synced = subscriber.status === 'ready'
    if (!wasSynced) listeners.forEach((l) => l())
    if (synced !== wasSynced) table.changed.forEach((l) => l())
  }

  const unsync = (why: string) => {
    if (!synced) return
    logger.warn({ why }, 'Cache versions out of touch with Redis: cached reads go to the database until it returns')
    synced = false
    table.changed.forEach((l) => l())
  }

  subscriber.on('message', (ch: string, message: string) => {
    if (ch === channel) parse(message)
  })
  subscriber.on('ready', () => {
    subscriber
      .subscribe(channel)
      .then(resync)
      .catch((err: Error) => unsync(err.message))
  })
  subscriber.on('close', () => unsync('subscriber connection closed'))
  if (subscriber.status === 'ready') subscriber.emit('ready')

  // A lost pub/sub message or a bump made while Redis was away is repaired within one period.
  const timer = setInterval(() => {
    if (closed || subscriber.status !== 'ready') return
    resync().catch((err: Error) => unsync(err.message))
  }, options.refreshMs)
  timer.unref()

  return {
    tag: (names) => (synced ? table.tag(names) : null),
    async bump(names) {
      try {
        await runBump([...names])
      } catch (err) {
        names.forEach((c) => pending.add(c))
        unsync((err as Error).message)
        logger.warn({ err: { message: (err as Error).message }, collections: names }, 'Cache version bump deferred until Redis returns')
      }
    },
    onResync: (listener) => listeners.push(listener),
    onChange: (listener) => table.changed.push(listener),
    async ready(timeoutMs = 5000) {
      const until = Date.now() + timeoutMs
      while (!synced && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
      return synced
    },
    async close() {
      closed = true
      clearInterval(timer)
    },
  }
}
