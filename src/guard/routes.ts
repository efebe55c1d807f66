import { Refusal, badRequest, hasNul } from './refusal'
import type { EndpointInfo, EntityInfo, GuardSchema } from './schema'

// Finds which Payload endpoint a request reaches, matching the endpoint list in Payload's own order.

export type RouteMatch =
  { kind: 'outside' } | { kind: 'graphql' } | { kind: 'root' } | { kind: 'entity'; entity: EntityInfo; op: string | null; params: Record<string, string> }

/** Payload's own endpoints, as "method path"; anything else matched is a custom endpoint (op null). */
const BUILTIN = new Set([
  'get /',
  'post /',
  'patch /',
  'delete /',
  'get /count',
  'get /:id',
  'patch /:id',
  'delete /:id',
  'post /:id/duplicate',
  'get /versions',
  'get /versions/:id',
  'post /versions/:id',
  'post /access/:id?',
  'post /access',
  'post /login',
  'post /logout',
  'get /me',
  'post /refresh-token',
  'post /first-register',
  'post /forgot-password',
  'post /reset-password',
  'post /unlock',
  'post /verify/:id',
  'get /init',
  'get /access',
  'post /:id/api-key/reveal',
  'get /file/:filename',
  'get /paste-url/:id?',
])

function decodeSegments(path: string): string[] {
  const raw = path.split('/').slice(1)
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop()
  return raw.map((segment) => {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      throw badRequest('invalid_path', `The path segment "${segment.slice(0, 40)}" is not valid percent-encoding`)
    }
    if (hasNul(decoded)) throw badRequest('invalid_path', 'The path contains a NUL character')
    return decoded
  })
}

export function matchPattern(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern
    .split('/')
    .slice(1)
    .filter((p, i, all) => p !== '' || all.length > 1)
  const params: Record<string, string> = {}
  const segs = segments.length === 1 && segments[0] === '' ? [] : segments
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    const seg = segs[i]
    if (part.startsWith(':')) {
      const optional = part.endsWith('?')
      const name = part.slice(1, optional ? -1 : undefined)
      if (seg === undefined || seg === '') {
        if (optional && i === parts.length - 1) return params
        return null
      }
      params[name] = seg
    } else if (part !== seg) {
      return null
    }
  }
  return segs.length === parts.length ? params : null
}

function findEndpoint(endpoints: EndpointInfo[], method: string, segments: string[]) {
  const m = method === 'head' ? 'get' : method
  for (const endpoint of endpoints) {
    if (endpoint.method !== m) continue
    const params = matchPattern(endpoint.path, segments)
    if (params) return { endpoint, params }
  }
  return null
}

export function matchRoute(schema: GuardSchema, method: string, pathname: string): RouteMatch {
  const api = schema.api
  if (pathname !== api && !pathname.startsWith(`${api}/`)) return { kind: 'outside' }
  if (pathname === `${api}${schema.graphQL}`) return { kind: 'graphql' }
  const segments = decodeSegments(pathname.slice(api.length) || '/')
  const isGlobal = segments[0] === 'globals'
  const slug = isGlobal ? segments[1] : segments[0]
  const entity = slug === undefined ? undefined : isGlobal ? schema.globals.get(slug) : schema.collections.get(slug)
  if (!entity) return { kind: 'root' }
  if (!entity.rest) throw new Refusal(404, 'not_found', `${entity.slug} has no REST API`)
  const rest = segments.slice(isGlobal ? 2 : 1)
  const found = findEndpoint(entity.endpoints, method.toLowerCase(), rest.length ? rest : [''])
  if (!found) return { kind: 'entity', entity, op: null, params: {} }
  const key = `${found.endpoint.method} ${found.endpoint.path}`
  return { kind: 'entity', entity, op: BUILTIN.has(key) ? key : null, params: found.params }
}
