import { depthRefusal, limitRefusal } from '../infra/pageCaps'
import { resolvePath } from './fieldPaths'
import { badRequest, hasNul, show } from './refusal'
import type { EntityInfo, GuardSchema } from './schema'
import { checkWhere, parseJsonParam } from './where'

// Checks the query parameters Payload's REST handlers turn into SQL: where, sort, limit, page, depth, data.

const INT_MAX = 2147483647
const LISTS = new Set(['get /', 'get /count', 'patch /', 'delete /', 'get /versions'])
const PAGED = new Set(['get /', 'patch /', 'delete /', 'get /versions'])
const BOOLEANS = ['draft', 'trash', 'pagination', 'autosave', 'overrideLock', 'flattenLocales', 'publishAllLocales', 'unpublishAllLocales']
const UNSORTABLE = new Set(['array', 'group', 'blocks', 'tab', 'join', 'opaquePath'])

export type Query = Record<string, unknown>

export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasNul(value) ? path || '(value)' : null
  if (typeof value !== 'object' || value === null) return null
  for (const [k, v] of Object.entries(value)) {
    const here = path ? `${path}[${k}]` : k
    if (hasNul(k)) return here
    const found = findNul(v, here)
    if (found) return found
  }
  return null
}

function checkInteger(name: string, value: unknown, min: number): void {
  const text = typeof value === 'number' ? String(value) : value
  if (text === '') return // Payload ignores an empty value
  if (typeof text !== 'string' || !/^\d{1,10}$/.test(text.trim()) || Number(text) < min || Number(text) > INT_MAX) {
    throw badRequest('invalid_query', `?${name}= must be a whole number from ${min}, got ${show(value)}`, { param: name })
  }
}

function checkSort(schema: GuardSchema, entity: EntityInfo, sort: unknown, versions: boolean): void {
  const list = typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) ? sort : null
  if (!list || !list.every((s) => typeof s === 'string')) {
    throw badRequest('invalid_query', `?sort= must be field names separated by commas, got ${show(sort)}`, { param: 'sort' })
  }
  for (const entry of list as string[]) {
    const path = entry.trim().replace(/^[-+]/, '')
    if (path === '') continue
    const field = resolvePath(schema, entity, path, versions)
    if (field && UNSORTABLE.has(field.type)) {
      throw badRequest('invalid_query', `?sort=${entry}: cannot sort by the ${field.type} field "${path}"`, { param: 'sort', path })
    }
  }
}

/** `joins[field][where|sort|limit|page]` filter the documents a join field lists: checked against the joined collection. */
function checkJoins(schema: GuardSchema, entity: EntityInfo, joins: unknown): void {
  if (typeof joins !== 'object' || joins === null) return
  for (const [name, spec] of Object.entries(joins)) {
    if (typeof spec !== 'object' || spec === null) continue
    const field = resolvePath(schema, entity, name)
    const target = field?.type === 'join' && typeof field.relationTo === 'string' ? schema.collections.get(field.relationTo) : undefined
    if (!target) continue
    const { where, sort, limit, page } = spec as Record<string, unknown>
    if (where !== undefined) checkWhere(schema, target, parseJsonParam(`joins[${name}][where]`, where))
    if (sort !== undefined) checkSort(schema, target, sort, false)
    if (limit !== undefined) checkInteger(`joins[${name}][limit]`, limit, 0)
    if (page !== undefined) checkInteger(`joins[${name}][page]`, page, 1)
  }
}

/** Every request under the API: no NUL anywhere in the query. */
export function checkQueryText(query: Query): void {
  const at = findNul(query)
  if (at) throw badRequest('invalid_query', `The query parameter ${at} contains a NUL character`, { param: at })
}

/** The typed checks for one of Payload's own collection or global endpoints. */
export function checkEntityQuery(schema: GuardSchema, entity: EntityInfo, op: string, query: Query): void {
  const versions = op.includes('/versions')
  if ('depth' in query) checkInteger('depth', query.depth, 0)
  if ('data' in query) parseJsonParam('data', query.data)
  if ('where' in query) parseJsonParam('where', query.where) // every handler's parseParams JSON-parses it
  if ('joins' in query) checkJoins(schema, entity, query.joins)
  for (const name of BOOLEANS) {
    if (name in query && typeof query[name] !== 'string' && typeof query[name] !== 'boolean') {
      throw badRequest('invalid_query', `?${name}= must be true or false, got ${show(query[name])}`, { param: name })
    }
  }
  if (!LISTS.has(op) || (entity.kind === 'global' && op !== 'get /versions')) return
  if ('where' in query) checkWhere(schema, entity, parseJsonParam('where', query.where), versions)
  if ('sort' in query) checkSort(schema, entity, query.sort, versions)
  if (PAGED.has(op)) {
    if ('limit' in query) checkInteger('limit', query.limit, 0)
    if ('page' in query) checkInteger('page', query.page, 1)
  }
}

export type QueryCaps = { maxLimit: number; maxDepth: number; anonymous: boolean }

/**
 * Bounds the work one read can ask for (src/infra/pageCaps.ts): ?depth= above maxDepth always, and for a list read
 * without credentials a ?limit= above maxLimit, limit=0 or pagination=false. Refused 400, never clamped, so a client is
 * never silently given less than it asked for; it pages through instead. Credentialed list reads are judged by the
 * route handlers (src/infra/apiRoute.ts), which know who is asking.
 */
export function checkQueryCaps(op: string, query: Query, caps: QueryCaps): void {
  const refusal = depthRefusal(query, caps) ?? (caps.anonymous && PAGED.has(op) && op.startsWith('get') ? limitRefusal(query, caps) : null)
  if (refusal) throw badRequest(refusal.code, refusal.message, refusal.details)
}
