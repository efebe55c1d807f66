import type { SanitizedConfig } from 'payload'

import { buildOpenApiDocument } from '../../src/endpoints/openapi/document'
import { contractChecker } from './openapi'

type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>
type Options = { body?: unknown; token?: string; headers?: Record<string, string>; rawBody?: BodyInit }

// Calls Payload's REST and GraphQL route handlers in-process, as Next would, without a server. Every REST answer is
// checked against the OpenAPI document (tests/helpers/openapi.ts): a mismatch fails the test that made the call.
export async function restClient(config: Promise<SanitizedConfig> | SanitizedConfig) {
  const routes = await import('@payloadcms/next/routes')
  const checkContract = contractChecker(buildOpenApiDocument(await config))
  const handlers: Record<string, Handler> = {
    GET: routes.REST_GET(config) as Handler,
    POST: routes.REST_POST(config) as Handler,
    PATCH: routes.REST_PATCH(config) as Handler,
    PUT: routes.REST_PUT(config) as Handler,
    DELETE: routes.REST_DELETE(config) as Handler,
  }
  const graphql = routes.GRAPHQL_POST(config) as unknown as (req: Request) => Promise<Response>
  const base = 'http://localhost:8000'

  const headersFor = (options: Options) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (options.token) headers.authorization = `JWT ${options.token}`
    return headers
  }

  async function request(method: string, path: string, options: Options = {}) {
    const url = new URL(`/api${path}`, base)
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .map(decodeURIComponent)
    const req = new Request(url, {
      method,
      headers: headersFor(options),
      body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
    })
    const res = await handlers[method](req, { params: Promise.resolve({ slug }) })
    const text = await res.text()
    let json: any = undefined
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    checkContract(method, url.toString(), res.status, res.headers.get('content-type'), json)
    return { status: res.status, headers: res.headers, json, text }
  }

  async function gql(query: string, options: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
    const req = new Request(new URL('/api/graphql', base), {
      method: 'POST',
      headers: headersFor({ body: true, token: options.token, headers: options.headers }),
      body: JSON.stringify({ query, variables: options.variables }),
    })
    const res = await graphql(req)
    return { status: res.status, json: (await res.json()) as any }
  }

  return {
    get: (path: string, options?: Options) => request('GET', path, options),
    post: (path: string, body?: unknown, options?: Options) => request('POST', path, { ...options, body }),
    patch: (path: string, body?: unknown, options?: Options) => request('PATCH', path, { ...options, body }),
    del: (path: string, options?: Options) => request('DELETE', path, options),
    gql,
  }
}
