import { createHash } from 'node:crypto'
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

import type { CachedResponse } from '../infra/cache'

// Per-connection or per-response headers; the hit path sets its own length and request id.
// CORS headers belong to the asker's origin (src/server/cors.ts sets them per request).
const DROP = new Set([
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'content-length',
  'x-request-id',
  'x-cache',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'vary',
])

type HeaderValue = string | string[]

function normalise(headers: OutgoingHttpHeaders): Record<string, HeaderValue> {
  const out: Record<string, HeaderValue> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    out[name.toLowerCase()] = Array.isArray(value) ? value.map(String) : String(value)
  }
  return out
}

/** A response may be shared with other anonymous readers only when it is a plain, public 200. */
export function isStorable(status: number, headers: Record<string, HeaderValue>): boolean {
  if (status !== 200 || headers['set-cookie'] !== undefined || headers['content-encoding'] !== undefined) return false
  const cacheControl = String(headers['cache-control'] ?? '')
  return !/no-store|private/i.test(cacheControl)
}

/** Anonymous public reads may be stored by browsers and proxies but are checked again each time (304 when unchanged). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
/** Reads with credentials are the caller's own. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

/** Reads made with credentials are the caller's own: no shared or browser cache may keep them, whatever the route says. */
export function keepPrivate(res: ServerResponse): void {
  const writeHead = res.writeHead
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const headers = rest.find((r) => r && typeof r === 'object' && !Array.isArray(r)) as Record<string, unknown> | undefined
    if (headers) for (const name of Object.keys(headers)) if (name.toLowerCase() === 'cache-control') delete headers[name]
    this.setHeader('cache-control', PRIVATE_CACHE_CONTROL)
    return (writeHead as (...a: unknown[]) => ServerResponse).call(this, status, ...rest)
  } as ServerResponse['writeHead']
}

/** A strong ETag of the exact bytes: computed once when an answer is stored, then served with every hit. */
export function strongEtag(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/** If-None-Match names this ETag (or `*`); weak and strong forms compare equal, as RFC 9110 asks for this header. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: HeaderValue | undefined): boolean {
  if (!ifNoneMatch || typeof etag !== 'string') return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

/** 304: the ETag and Cache-Control again, no body. */
function sendNotModified(res: ServerResponse, headers: Record<string, HeaderValue>): void {
  for (const name of res.getHeaderNames()) if (name !== 'x-request-id' && name !== 'x-cache' && !name.startsWith('access-control-')) res.removeHeader(name)
  res.writeHead(304, { etag: String(headers.etag), 'cache-control': String(headers['cache-control']) })
  res.end()
}

/**
 * Holds what the real handler writes to `res` until it ends, then sends it on and resolves with a storable entry (or
 * null). A storable answer leaves with a strong ETag and the public Cache-Control, or as a 304 when the request's
 * If-None-Match names that ETag. writeHead's own headers object is merged in, because Node does not keep it where
 * getHeaders() can see it.
 */
export function captureResponse(
  res: ServerResponse,
  accept: (entry: CachedResponse) => boolean = () => true,
  ifNoneMatch?: string,
): Promise<CachedResponse | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let headHeaders: OutgoingHttpHeaders = {}
    const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders }
    const toBuffer = (chunk: unknown, encoding?: unknown) =>
      Buffer.isBuffer(chunk)
        ? Buffer.from(chunk)
        : typeof chunk === 'string'
          ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding)
          : Buffer.from(chunk as Uint8Array)

    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      const headers = rest.find((r) => r && typeof r === 'object')
      if (headers && !Array.isArray(headers)) headHeaders = { ...headHeaders, ...(headers as OutgoingHttpHeaders) }
      this.statusCode = status
      return this
    } as ServerResponse['writeHead']
    res.flushHeaders = () => {}
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      if (chunk != null) chunks.push(toBuffer(chunk, rest[0]))
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined
      if (done) process.nextTick(done)
      return true
    } as ServerResponse['write']
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      if (chunk != null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]))
      const done = [chunk, ...rest].find((r) => typeof r === 'function') as (() => void) | undefined
      Object.assign(res, original)
      const body = Buffer.concat(chunks)
      const status = res.statusCode
      const headers = normalise({ ...res.getHeaders(), ...headHeaders })
      const storable = isStorable(status, headers)
      if (storable) {
        headers.etag = strongEtag(body)
        headers['cache-control'] = PUBLIC_CACHE_CONTROL
      }
      if (storable && matchesEtag(ifNoneMatch, headers.etag)) sendNotModified(res, headers)
      else {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
        res.setHeader('content-length', body.length)
        res.end(body)
      }
      done?.()
      if (!storable) return (resolve(null), this)
      for (const name of DROP) delete headers[name]
      const entry: CachedResponse = { status, headers, body, size: body.length + 512 }
      resolve(accept(entry) ? entry : null)
      return this
    } as ServerResponse['end']
    res.once('close', () => resolve(null))
  })
}

/** Answers from a stored entry: a 304 when If-None-Match names its ETag, no hashing on the way. */
export function sendEntry(res: ServerResponse, entry: CachedResponse, cacheState: 'HIT' | 'MISS', ifNoneMatch?: string): void {
  res.setHeader('x-cache', cacheState)
  if (matchesEtag(ifNoneMatch, entry.headers.etag)) return sendNotModified(res, entry.headers)
  res.setHeader('content-length', entry.body.length)
  res.writeHead(entry.status, entry.headers)
  res.end(entry.body)
}
