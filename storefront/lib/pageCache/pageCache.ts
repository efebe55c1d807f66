// The storefront's page cache: the HTML of a catalogue page (home, product, category), kept after one render and
// served to every shopper until a CMS tag it was built from is revalidated. A page is the same for every shopper
// except its CSP script nonce (the header's cart and account are filled in by the browser), so an entry keeps the
// HTML cut at each occurrence of the nonce it was rendered with, and each answer joins the pieces with a new one.

/** What a render read from the CMS, noted by lib/cms/client.ts while it runs (lib/pageCache/renderRecord.ts). */
export interface RenderRecord {
  /** The tags of every CMS read the page made; an entry is dropped when one of them is revalidated. */
  tags: Set<string>
  /** The shortest lifetime (seconds) of those reads: the entry lives no longer than its data would. */
  revalidateSeconds: number
  /** Why this render may not be kept for everyone (a shopper's own read, a CMS failure); null if it may. */
  notShared: string | null
}

export function newRenderRecord(): RenderRecord {
  return { tags: new Set(), revalidateSeconds: Number.POSITIVE_INFINITY, notShared: null }
}

export interface StoredPage {
  status: number
  headers: Record<string, string | string[]>
  /** The body, cut at each occurrence of the nonce it was rendered with. */
  pieces: Buffer[]
  tags: Set<string>
  expiresAt: number
  bytes: number
}

/** The ticket a render takes when it starts; a page is kept only if nothing was revalidated since. */
export interface RenderTicket {
  readonly generation: number
}

export interface PageCacheOptions {
  maxEntries?: number
  maxBytes?: number
  now?: () => number
}

export const DEFAULT_MAX_ENTRIES = 2000
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024

/** The body cut at every occurrence of `nonce`; null when the nonce does not appear (nothing to replace, so not kept). */
export function cutAtNonce(body: Buffer, nonce: string): Buffer[] | null {
  if (!nonce) return null
  const needle = Buffer.from(nonce, 'utf8')
  const pieces: Buffer[] = []
  let from = 0
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    pieces.push(body.subarray(from, at))
    from = at + needle.length
  }
  if (pieces.length === 0) return null
  pieces.push(body.subarray(from))
  return pieces
}

/** The stored body with `nonce` wherever the original one was. */
export function joinWithNonce(pieces: Buffer[], nonce: string): Buffer {
  const glue = Buffer.from(nonce, 'utf8')
  const parts: Buffer[] = []
  pieces.forEach((piece, i) => {
    if (i > 0) parts.push(glue)
    parts.push(piece)
  })
  return Buffer.concat(parts)
}

/** `path`, or a page below it (revalidatePath('/categories') drops /categories/clothing too). */
function isAtOrBelow(key: string, path: string): boolean {
  const pathname = key.split('?')[0]
  if (path === '/') return true
  const base = path.replace(/\/+$/, '')
  return pathname === base || pathname.startsWith(`${base}/`)
}

export class PageCache {
  private readonly entries = new Map<string, StoredPage>()
  private readonly maxEntries: number
  private readonly maxBytes: number
  private readonly now: () => number
  private bytes = 0
  /** Bumped by every revalidation: a render that started before one may have read what it replaced. */
  private generation = 0

  constructor(options: PageCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
    this.now = options.now ?? Date.now
  }

  get size(): number {
    return this.entries.size
  }

  get storedBytes(): number {
    return this.bytes
  }

  /** The page kept under `key`, if it is still fresh; a hit moves it to the back of the eviction order. */
  get(key: string): StoredPage | null {
    const page = this.entries.get(key)
    if (!page) return null
    if (page.expiresAt <= this.now()) {
      this.remove(key)
      return null
    }
    this.entries.delete(key)
    this.entries.set(key, page)
    return page
  }

  startRender(): RenderTicket {
    return { generation: this.generation }
  }

  /**
   * Keeps a rendered page, unless something was revalidated while it rendered (it may hold the old data), its
   * reads named no tag (nothing would ever drop it) or it is larger than the whole cache. Says whether it was kept.
   */
  put(key: string, ticket: RenderTicket, page: Omit<StoredPage, 'expiresAt' | 'bytes' | 'tags'>, record: RenderRecord): boolean {
    if (ticket.generation !== this.generation) return false
    if (record.notShared !== null || record.tags.size === 0) return false
    if (!Number.isFinite(record.revalidateSeconds) || record.revalidateSeconds <= 0) return false
    const bytes = page.pieces.reduce((sum, piece) => sum + piece.length, 0)
    if (bytes > this.maxBytes) return false
    this.remove(key)
    this.entries.set(key, { ...page, tags: new Set(record.tags), bytes, expiresAt: this.now() + record.revalidateSeconds * 1000 })
    this.bytes += bytes
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string
      this.remove(oldest)
    }
    return true
  }

  /** Drops every page built from one of `tags`; returns how many. */
  revalidateTags(tags: readonly string[]): number {
    this.generation++
    if (tags.length === 0) return 0
    const wanted = new Set(tags)
    let dropped = 0
    for (const [key, page] of this.entries) {
      if ([...page.tags].some((tag) => wanted.has(tag))) {
        this.remove(key)
        dropped++
      }
    }
    return dropped
  }

  /** Drops the page at `path` and every page below it; returns how many. */
  revalidatePath(path: string): number {
    this.generation++
    let dropped = 0
    for (const key of [...this.entries.keys()]) {
      if (isAtOrBelow(key, path)) {
        this.remove(key)
        dropped++
      }
    }
    return dropped
  }

  clear(): void {
    this.generation++
    this.entries.clear()
    this.bytes = 0
  }

  private remove(key: string): void {
    const page = this.entries.get(key)
    if (!page) return
    this.entries.delete(key)
    this.bytes -= page.bytes
  }
}
