import type { SanitizedConfig } from 'payload'

import { createRequestGuard, type GuardOptions, type RequestGuard } from '../../src/guard'

type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>

export type GuardedOptions = { body?: unknown; rawBody?: string | Uint8Array; token?: string; headers?: Record<string, string> }
export type GuardedResponse = { status: number; json: any; text: string; headers: Headers; refusedByGuard: boolean }

const base = 'http://localhost:8000'

async function answer(res: Response, refusedByGuard: boolean): Promise<GuardedResponse> {
  const text = await res.text()
  let json: any
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: res.status, json, text, headers: res.headers, refusedByGuard }
}

// Like restClient, but every request meets the request guard first, as it does in src/server: a refusal is answered
// by the guard; anything else goes to Payload's Next route handlers (as the app's route files wire them).
export async function guardedClient(config: SanitizedConfig, options: Partial<GuardOptions> = {}, injected?: RequestGuard) {
  const routes = await import('@payloadcms/next/routes')
  const rest: Record<string, Handler> = {
    GET: routes.REST_GET(config) as Handler,
    POST: routes.REST_POST(config) as Handler,
    PATCH: routes.REST_PATCH(config) as Handler,
    PUT: routes.REST_PUT(config) as Handler,
    DELETE: routes.REST_DELETE(config) as Handler,
    OPTIONS: routes.REST_OPTIONS(config) as Handler,
  }
  const graphql: Record<string, Handler> = {
    POST: routes.GRAPHQL_POST(config) as unknown as Handler,
    OPTIONS: routes.REST_OPTIONS(config) as Handler,
  }
  const guard: RequestGuard = injected ?? createRequestGuard(config, options)

  async function request(method: string, path: string, opts: GuardedOptions = {}): Promise<GuardedResponse> {
    const headers: Record<string, string> = {}
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    if (opts.token) headers.authorization = `JWT ${opts.token}`
    Object.assign(headers, opts.headers)
    const raw = opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined)
    const body = raw === undefined ? undefined : typeof raw === 'string' ? Buffer.from(raw) : Buffer.from(raw)
    if (body && !('content-length' in headers)) headers['content-length'] = String(body.byteLength)
    const refusal = guard({ method, url: `/api${path}`, headers, body })
    if (refusal) {
      return answer(Response.json(refusal.body, { status: refusal.status, headers: refusal.headers }), true)
    }
    const url = new URL(`/api${path}`, base)
    const upper = method.toUpperCase()
    const table = url.pathname === '/api/graphql' ? graphql : rest
    const handler = table[upper === 'HEAD' ? 'GET' : upper]
    if (!handler) return answer(new Response(null, { status: 405 }), false)
    let slug: string[]
    let req: Request
    try {
      slug = url.pathname
        .replace(/^\/api\//, '')
        .split('/')
        .map(decodeURIComponent)
      const hasBody = body !== undefined && upper !== 'GET' && upper !== 'HEAD'
      req = new Request(url, { method: upper === 'HEAD' ? 'GET' : upper, headers, body: hasBody ? body : undefined })
    } catch (error) {
      // Only reachable without the guard: Next would refuse a malformed path or method before Payload.
      return { status: 400, json: undefined, text: `not sent: ${String(error)}`, headers: new Headers(), refusedByGuard: false }
    }
    try {
      return await answer(await handler(req, { params: Promise.resolve({ slug }) }), false)
    } catch (error) {
      // Next would answer a thrown error with a bare 500: record it as one.
      return { status: 500, json: undefined, text: `thrown: ${(error as Error)?.stack ?? String(error)}`, headers: new Headers(), refusedByGuard: false }
    }
  }

  const gql = (query: string, opts: { token?: string; variables?: Record<string, unknown> } = {}) =>
    request('POST', '/graphql', { body: { query, variables: opts.variables }, token: opts.token })

  return {
    guard,
    request,
    get: (path: string, opts?: GuardedOptions) => request('GET', path, opts),
    post: (path: string, body?: unknown, opts?: GuardedOptions) => request('POST', path, { ...opts, body }),
    patch: (path: string, body?: unknown, opts?: GuardedOptions) => request('PATCH', path, { ...opts, body }),
    del: (path: string, opts?: GuardedOptions) => request('DELETE', path, opts),
    gql,
  }
}
