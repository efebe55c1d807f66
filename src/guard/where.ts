import { resolvePath } from './fieldPaths'
import { OPERATORS, checkOperand } from './operand'
import { badRequest, hasNul, show } from './refusal'
import type { EntityInfo, GuardSchema } from './schema'

// Walks a `where` (qs-parsed or JSON) and checks every condition against the collection's fields.

const MAX_NESTING = 12
const KNOWN = new Set<string>(OPERATORS)
const GEO = new Set(['near', 'within', 'intersects'])

export function parseJsonParam(name: string, value: unknown): unknown {
  if (typeof value !== 'string' || value.length === 0) return value
  try {
    return JSON.parse(value)
  } catch {
    throw badRequest('invalid_query', `?${name}= must be JSON, got ${show(value)}`, { param: name })
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function checkNul(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (hasNul(value)) throw badRequest('invalid_where', `where[${path}] contains a NUL character`, { path })
  } else if (Array.isArray(value)) {
    value.forEach((v) => checkNul(v, path))
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (hasNul(k)) throw badRequest('invalid_where', `where[${path}] has a key with a NUL character`, { path })
      checkNul(v, path)
    }
  }
}

export function checkWhere(schema: GuardSchema, entity: EntityInfo, where: unknown, versions = false, level = 0): void {
  if (where === undefined || where === '') return
  if (level > MAX_NESTING) throw badRequest('invalid_where', `where is nested more than ${MAX_NESTING} levels deep`)
  if (!isObject(where)) throw badRequest('invalid_where', `where must be an object of conditions, got ${show(where)}`)
  for (const [key, condition] of Object.entries(where)) {
    if (hasNul(key)) throw badRequest('invalid_where', 'A where path contains a NUL character')
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      const parts = Array.isArray(condition) ? condition : isObject(condition) ? Object.values(condition) : null
      if (!parts) throw badRequest('invalid_where', `where[${key}] must be a list of conditions, got ${show(condition)}`)
      for (const part of parts) checkWhere(schema, entity, part, versions, level + 1)
      continue
    }
    checkNul(condition, key)
    if (!isObject(condition)) {
      throw badRequest('invalid_where', `where[${key}] must be an object of operator and value, e.g. where[${key}][equals]=…`, { path: key })
    }
    const field = resolvePath(schema, entity, key, versions)
    for (const [op, value] of Object.entries(condition)) {
      if (!KNOWN.has(op)) {
        throw badRequest('invalid_where', `where[${key}][${op}]: "${op}" is not an operator`, { path: key, operator: op, allowed: OPERATORS })
      }
      if (op === 'exists' && !(typeof value === 'boolean' || (typeof value === 'string' && /^(true|false)$/i.test(value)))) {
        throw badRequest('invalid_where', `where[${key}][exists] must be true or false, got ${show(value)}`, { path: key, operator: op })
      }
      if (GEO.has(op) && field?.type !== 'point') {
        throw badRequest('invalid_where', `where[${key}][${op}] works only on point fields`, { path: key, operator: op })
      }
      if (field) checkOperand(schema, field, key, op, value)
    }
  }
}
