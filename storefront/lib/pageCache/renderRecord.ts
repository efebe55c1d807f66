import type { AsyncLocalStorage } from 'node:async_hooks'
import type { PageCache, RenderRecord } from './pageCache'

// Instrumentation (which answers from the page cache) and the pages (whose CMS reads say what a render used) are
// separate bundles, so the cache and the render's context live on globalThis, as the metrics registry does.
const KEY = Symbol.for('ipswich.storefront.pageCache')

export interface PageCacheState {
  cache: PageCache
  renders: AsyncLocalStorage<RenderRecord>
}

type Holder = { [KEY]?: PageCacheState }

export function pageCacheState(): PageCacheState | null {
  return (globalThis as Holder)[KEY] ?? null
}

export function installPageCacheState(state: PageCacheState): void {
  ;(globalThis as Holder)[KEY] = state
}

function currentRender(): RenderRecord | undefined {
  return pageCacheState()?.renders.getStore()
}

/** A render read shared, tagged data: the page may be kept until one of `tags` is revalidated or `seconds` pass. */
export function noteSharedRead(tags: readonly string[], seconds: number): void {
  const record = currentRender()
  if (!record) return
  tags.forEach((tag) => record.tags.add(tag))
  record.revalidateSeconds = Math.min(record.revalidateSeconds, seconds)
}

/** A render read something that is not the same for everyone, or not cached by tag, or failed: keep the page for nobody. */
export function noteUnsharedRead(reason: string): void {
  const record = currentRender()
  if (record && record.notShared === null) record.notShared = reason
}

/** Drops the pages built from these tags (called beside Next's revalidateTag). */
export function revalidatePagesTagged(tags: readonly string[]): void {
  pageCacheState()?.cache.revalidateTags(tags)
}

/** Drops the page at `path` and those below it (called beside Next's revalidatePath). */
export function revalidatePagesAt(path: string): void {
  pageCacheState()?.cache.revalidatePath(path)
}
