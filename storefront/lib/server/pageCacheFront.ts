import { AsyncLocalStorage } from 'node:async_hooks'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { metrics } from '../metrics/registry'
import type { PageCacheOptions, RenderRecord, StoredPage } from '../pageCache/pageCache'
import { PageCache, cutAtNonce, joinWithNonce, newRenderRecord } from '../pageCache/pageCache'
import { installPageCacheState } from '../pageCache/renderRecord'
import { newNonce, pageContentSecurityPolicy } from '../security/contentSecurityPolicy'
import type { FrontHandler } from './onEveryRequest'

const gzipAsync = promisify(gzip)

/** The pages that may be kept: the home page, product pages and category listings (not search, cart, account…). */
const CACHED_PAGE = /^\/(?:$|products\/[^/?]+\/?(?:\?|$)|categories\/)/
/** Requests Next answers with something other than the page's HTML (client navigation, server actions). */
const NOT_A_DOCUMENT = ['rsc', 'next-action', 'next-router-state-tree', 'next-router-prefetch', 'next-url']
/** A follower waits this long for the render of the same page already in progress, then asks Next itself. */
const FOLLOW_TIMEOUT_MS = 5_000
/** Headers that belong to one response, or that each answer sets again. */
const NOT_STORED = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'etag',
  'set-cookie',
  'content-security-policy',
  'strict-transport-security',
  'x-page-cache',
])

export const PAGE_CACHE_HEADER = 'x-page-cache'

/** The cache key of a request Next would answer with a shared catalogue page, or null. */
export function pageCacheKey(req: IncomingMessage): string | null {
  if (req.method !== 'GET' || !req.url || !CACHED_PAGE.test(req.url)) return null
  if (NOT_A_DOCUMENT.some((name) => req.headers[name] !== undefined)) return null
  if (/(?:^|[?&])_rsc=/.test(req.url)) return null
  return req.url
}

function nonceOf(policy: unknown): string | null {
  const match = /'nonce-([^']+)'/.exec(String(policy ?? ''))
  return match ? match[1] : null
}

function storedHeaders(headers: OutgoingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    if (value === undefined || NOT_STORED.has(lower)) continue
    out[lower] = Array.isArray(value) ? value.map(String) : String(value)
  }
  return out
}

/** Copies what Next writes to `res` as it goes out (the shopper still gets it streamed), and hands it over at the end. */
function tee(res: ServerResponse, done: (status: number, headers: OutgoingHttpHeaders, body: Buffer | null) => void): void {
  const chunks: Buffer[] = []
  let headHeaders: OutgoingHttpHeaders = {}
  const { writeHead, write, end } = res
  const copy = (chunk: unknown, encoding?: unknown) => {
    if (chunk == null || typeof chunk === 'function') return
    chunks.push(
      typeof chunk === 'string' ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding) : Buffer.from(chunk as Uint8Array),
    )
  }
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.slice(1).find((a) => a && typeof a === 'object' && !Array.isArray(a))
    if (headers) headHeaders = { ...headHeaders, ...(headers as OutgoingHttpHeaders) }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['writeHead']
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    copy(chunk, rest[0])
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest)
  } as ServerResponse['write']
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    copy(chunk, rest[0])
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest)
  } as ServerResponse['end']
  res.once('finish', () => done(res.statusCode, { ...res.getHeaders(), ...headHeaders }, Buffer.concat(chunks)))
  res.once('close', () => {
    if (!res.writableFinished) done(res.statusCode, {}, null)
  })
}

export interface PageCacheFrontOptions extends PageCacheOptions {
  /** `next dev` needs 'unsafe-eval' in the policy (middleware.ts). */
  dev?: boolean
}

/**
 * The page cache in front of Next: a catalogue page kept by an earlier render is answered here, with a new nonce in
 * its HTML and its Content-Security-Policy; otherwise Next renders it, with the CMS reads noted (lib/cms/client.ts),
 * and a page made of shared, tagged reads alone is kept until one of those tags is revalidated
 * (app/api/revalidate) or its shortest lifetime ends. Renders of the same page at once wait for the first.
 */
export function createPageCacheFront(options: PageCacheFrontOptions = {}): FrontHandler {
  const cache = new PageCache(options)
  const renders = new AsyncLocalStorage<RenderRecord>()
  installPageCacheState({ cache, renders })
  const dev = options.dev ?? false
  const inFlight = new Map<string, Promise<void>>()
  const counted = (result: 'hit' | 'miss' | 'stored' | 'not_stored' | 'waited') => metrics().pageCache.inc({ result })

  async function answer(req: IncomingMessage, res: ServerResponse, page: StoredPage): Promise<void> {
    const nonce = newNonce()
    let body = joinWithNonce(page.pieces, nonce)
    const gzipped = /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? '')) && body.length > 1024
    if (gzipped) body = await gzipAsync(body)
    if (res.destroyed || res.headersSent) return
    for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value)
    res.setHeader('content-security-policy', pageContentSecurityPolicy(nonce, dev))
    res.setHeader(PAGE_CACHE_HEADER, 'hit')
    if (gzipped) res.setHeader('content-encoding', 'gzip')
    res.setHeader('content-length', body.length)
    res.writeHead(page.status)
    res.end(body)
  }

  function render(key: string, req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const ticket = cache.startRender()
    const record = newRenderRecord()
    let finished!: () => void
    inFlight.set(key, new Promise<void>((resolve) => (finished = resolve)))
    // Kept uncompressed, so that its nonce can be replaced; each hit is compressed on its own way out.
    delete req.headers['accept-encoding']
    // Rendered as for a visitor without cookies, since every shopper will be shown it: whatever a component might read
    // of the session or the cart, this page cannot carry one shopper's to another (the header fills them in itself).
    delete req.headers.cookie
    res.setHeader(PAGE_CACHE_HEADER, 'miss')
    tee(res, (status, headers, body) => {
      inFlight.delete(key)
      const nonce = nonceOf(headers['content-security-policy'])
      const html = /^text\/html\b/i.test(String(headers['content-type'] ?? ''))
      const pieces = status === 200 && html && body && headers['set-cookie'] === undefined && nonce ? cutAtNonce(body, nonce) : null
      const kept = pieces !== null && cache.put(key, ticket, { status, headers: storedHeaders(headers), pieces }, record)
      counted(kept ? 'stored' : 'not_stored')
      finished()
    })
    renders.run(record, next)
  }

  return function pageCacheFront(req, res, next) {
    const key = pageCacheKey(req)
    if (key === null) return next()
    const page = cache.get(key)
    if (page) {
      counted('hit')
      answer(req, res, page).catch(() => res.destroy())
      return
    }
    const rendering = inFlight.get(key)
    if (!rendering) {
      counted('miss')
      return render(key, req, res, next)
    }
    counted('waited')
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, FOLLOW_TIMEOUT_MS).unref())
    Promise.race([rendering, timeout]).then(
      () => {
        if (res.destroyed) return
        const kept = cache.get(key)
        if (kept) return void answer(req, res, kept).catch(() => res.destroy())
        // The page could not be kept (a shopper's own, a failed read) or took too long: Next renders it for this one.
        res.setHeader(PAGE_CACHE_HEADER, 'miss')
        next()
      },
      () => next(),
    )
  }
}
