import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

import type { CachedResponse } from '../infra/cache'

// Per-connection or per-response headers; the hit path sets its own length and request id.
const DROP = new Set(['transfer-encoding', 'connection', 'keep-alive', 'date', 'content-length', 'x-request-id', 'x-cache'])

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

/**
 * Copies what the real handler writes to `res` while it still goes to the client, and resolves with a
 * storable entry (or null) when the response ends. writeHead's own headers object is merged in, because
 * Node does not keep it where getHeaders() can see it.
 */
export function captureResponse(res: ServerResponse, accept: (entry: CachedResponse) => boolean = () => true): Promise<CachedResponse | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let headHeaders: OutgoingHttpHeaders = {}
    const original = { writeHead: res.writeHead, write: res.write, end: res.end }
    const toBuffer = (chunk: unknown, encoding?: unknown) =>
      Buffer.isBuffer(chunk)
        ? Buffer.from(chunk)
        : typeof chunk === 'string'
          ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding)
          : Buffer.from(chunk as Uint8Array)

    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      const headers = rest.find((r) => r && typeof r === 'object')
      if (headers && !Array.isArray(headers)) headHeaders = { ...headHeaders, ...(headers as OutgoingHttpHeaders) }
      return (original.writeHead as (...a: unknown[]) => ServerResponse).call(this, status, ...rest)
    } as ServerResponse['writeHead']
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      if (chunk != null) chunks.push(toBuffer(chunk, rest[0]))
      return (original.write as (...a: unknown[]) => boolean).call(this, chunk, ...rest)
    } as ServerResponse['write']
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      if (chunk != null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]))
      const result = (original.end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest)
      Object.assign(res, original)
      const headers = normalise({ ...res.getHeaders(), ...headHeaders })
      if (!isStorable(res.statusCode, headers)) return (resolve(null), result)
      for (const name of DROP) delete headers[name]
      const body = Buffer.concat(chunks)
      const entry: CachedResponse = { status: res.statusCode, headers, body, size: body.length + 512 }
      resolve(accept(entry) ? entry : null)
      return result
    } as ServerResponse['end']
    res.once('close', () => resolve(null))
  })
}

/** Answers from a stored entry. */
export function sendEntry(res: ServerResponse, entry: CachedResponse, cacheState: 'HIT' | 'MISS'): void {
  res.setHeader('x-cache', cacheState)
  res.setHeader('content-length', entry.body.length)
  res.writeHead(entry.status, entry.headers)
  res.end(entry.body)
}
