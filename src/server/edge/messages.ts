import type { CacheGroup } from '../../infra/cache'

/** What the edge's thread is started with (src/server/edge/worker.ts). */
export type EdgeSettings = {
  port: number
  host: string
  upstreamPort: number
  maxBytes: number
  cookiePrefix: string
  collections: string[]
  globals: string[]
  requestTimeoutMs: number
  /** Set to 1 by the thread once it has stopped listening on a drain (the main thread waits on it). */
  stoppedListening: Int32Array
}

type SharedEntry = { status: number; headers: Record<string, string | string[]>; body: Uint8Array; size: number }

export type ToEdge =
  | { type: 'versions'; tags: Record<CacheGroup, string> | null }
  | { type: 'entry'; key: string; entry: SharedEntry }
  | { type: 'clear' }
  | { type: 'metrics'; id: number }
  | { type: 'drain' }
  | { type: 'close-all' }

export type FromEdge =
  | { type: 'listening' }
  | { type: 'failed'; message: string }
  | { type: 'lines'; text: string }
  | { type: 'metrics'; id: number; json: unknown[] }
  | { type: 'closed' }
