import { createHash } from 'node:crypto'
import { Kind, parse, print, stripIgnoredCharacters, type OperationDefinitionNode } from 'graphql'

import type { CacheGroup } from '../infra/cache'
import { remember } from '../infra/memo'

const REST_GROUPS: Record<string, CacheGroup> = { products: 'products', categories: 'categories', inventory: 'inventory' }
const MEMO_LIMIT = 5000

const queries = new Map<string, string | null>()

/** The query string sorted and re-encoded, so `?b=1&a=2` and `?a=2&b=1` share a key; null for drafts. */
export function normaliseQuery(search: string): string | null {
  if (search === '' || search === '?') return ''
  return remember(
    queries,
    search,
    () => {
      const params = [...new URLSearchParams(search)]
      if (params.some(([name, value]) => name === 'draft' && value !== 'false')) return null
      params.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
      return params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&')
    },
    MEMO_LIMIT,
  )
}

/** The cache group and request key of an anonymous REST GET of public data, or null when it is not cacheable. */
export function restCacheKey(pathname: string, search: string): { group: CacheGroup; requestKey: string } | null {
  if (!pathname.startsWith('/api/')) return null
  const parts = pathname.slice(5).split('/')
  let group: CacheGroup | undefined
  if (pathname === '/api/search') group = 'search'
  else if (parts[0] === 'globals') group = parts[1] === 'store-settings' && parts.length === 2 ? 'settings' : undefined
  else if (parts.length <= 2 && parts[1] !== 'versions' && parts[1] !== '') group = REST_GROUPS[parts[0]]
  if (!group) return null
  const query = normaliseQuery(search)
  if (query === null) return null
  return { group, requestKey: `${pathname}?${query}` }
}

type GraphQLBody = { query?: unknown; variables?: unknown; operationName?: unknown }
const documents = new Map<string, string | null>()

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
}

// A document is cacheable when the operation it runs is a query; its key ignores layout, comments and `query` shorthand.
function normaliseDocument(query: string, operationName: string): string | null {
  return remember(
    documents,
    `${operationName}\u0000${query}`,
    () => {
      try {
        const document = parse(query)
        const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
        const chosen = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined
        return chosen?.operation === 'query' ? stripIgnoredCharacters(print(document)) : null
      } catch {
        return null
      }
    },
    MEMO_LIMIT,
  )
}

const bodies = new Map<string, string | null>()

/** The key of an anonymous GraphQL query from its JSON body, or null for mutations, bad bodies and batches. */
export function graphqlCacheKey(raw: Buffer): string | null {
  // The same small body again (a storefront's query) skips the parse and the hash.
  if (raw.length > 4096) return keyOfBody(raw)
  return remember(bodies, raw.toString('latin1'), () => keyOfBody(raw), MEMO_LIMIT)
}

function keyOfBody(raw: Buffer): string | null {
  let body: GraphQLBody
  try {
    body = JSON.parse(raw.toString('utf8')) as GraphQLBody
  } catch {
    return null
  }
  if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string') return null
  const operationName = typeof body.operationName === 'string' ? body.operationName : ''
  const document = normaliseDocument(body.query, operationName)
  if (document === null) return null
  const digest = createHash('sha1')
    .update(`${document}\u0000${operationName}\u0000${stableJson(body.variables ?? null)}`)
    .digest('base64url')
  return `/api/graphql#${digest}`
}
