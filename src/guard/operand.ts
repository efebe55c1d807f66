import { badRequest, show } from './refusal'
import type { FieldInfo, GuardSchema } from './schema'

// Checks one `where[path][operator]=value` against the field's type: the values that reach SQL must fit the column.

export const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
] as const

const LIST_OPS = new Set(['in', 'not_in', 'all'])
const COMPARE = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']
const EQUALITY = ['equals', 'not_equals', 'in', 'not_in', 'exists']
const TEXT_OPS = [...EQUALITY, ...COMPARE, 'like', 'not_like', 'contains']

const INT_MIN = -2147483648
const INT_MAX = 2147483647

/** Operators each field type can take without the database failing (`all` fails on every type in Payload 3.90's SQL adapters). */
function operatorsFor(field: FieldInfo): readonly string[] | null {
  switch (field.type) {
    case 'number':
      return field.hasMany ? [...EQUALITY, 'contains', ...COMPARE] : [...EQUALITY, ...COMPARE]
    case 'id':
      return [...EQUALITY, ...COMPARE]
    case 'date':
      return [...EQUALITY, ...COMPARE]
    case 'checkbox':
      return EQUALITY
    case 'select':
    case 'radio':
      return field.hasMany ? [...EQUALITY, 'contains'] : EQUALITY
    case 'json':
    case 'richText':
      return [...EQUALITY, ...COMPARE] // like/contains on the whole value fail on Postgres jsonb
    case 'jsonPath':
      return ['equals', 'not_equals', 'like', 'exists']
    case 'join':
      return [] // a join is not a column: filter the joined documents with joins[field][where] instead
    case 'opaquePath':
      return [] // inside rich text, or through a list index in JSON: not queryable without a database error
    case 'relationship':
    case 'upload':
      return field.hasMany ? [...EQUALITY, 'contains'] : EQUALITY
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return TEXT_OPS
    case 'point':
      return ['equals', 'not_equals', 'exists', 'near', 'within', 'intersects']
    case 'array':
    case 'group':
    case 'blocks':
    case 'tab':
      return ['exists']
    default:
      return null // json, richText, join and anything new: Payload decides
  }
}

const isIntId = (v: unknown) =>
  (typeof v === 'number' && Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX) ||
  (typeof v === 'string' && /^-?\d{1,10}$/.test(v.trim()) && Number(v) >= INT_MIN && Number(v) <= INT_MAX)

const isNumeric = (v: unknown) =>
  (typeof v === 'number' && Number.isFinite(v)) ||
  // eslint-disable-next-line security/detect-unsafe-regex -- no two ways to split a run of digits: linear (guard.spec.ts times it)
  (typeof v === 'string' && (v.trim() === '' || (/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(v.trim()) && Number.isFinite(Number(v)))))

const isDate = (v: unknown) =>
  (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 8.64e15) || (typeof v === 'string' && (v === '' || !Number.isNaN(new Date(v).getTime())))

/** Payload turns the string "null" into NULL for these types only; elsewhere it reaches SQL as text. */
const NULL_STRING_OK = new Set(['number', 'id', 'relationship', 'upload', 'date', 'text', 'textarea', 'email', 'code'])
const isNullish = (v: unknown, type: string) => v === null || (v === 'null' && NULL_STRING_OK.has(type))

/** A polymorphic relationship takes an id, or { relationTo, value } with equals only (checked by the caller). */
function polymorphicCheck(schema: GuardSchema, relationTo: string[]): (v: unknown) => boolean {
  const numeric = relationTo.every((slug) => schema.collections.get(slug)?.idType === 'number')
  return (v) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const { relationTo: to, value } = v as { relationTo?: unknown; value?: unknown }
      const target = typeof to === 'string' && relationTo.includes(to) ? schema.collections.get(to) : undefined
      return !!target && Object.keys(v).length === 2 && (target.idType === 'number' ? isIntId(value) : typeof value === 'string')
    }
    return numeric ? isIntId(v) : typeof v === 'string' || typeof v === 'number'
  }
}

function scalarCheck(schema: GuardSchema, field: FieldInfo): ((v: unknown) => boolean) | null {
  switch (field.type) {
    case 'number':
      return isNumeric
    case 'date':
      return isDate
    case 'checkbox':
      return (v) => typeof v === 'boolean' || (typeof v === 'string' && ['true', 'false'].includes(v.toLowerCase()))
    case 'select':
    case 'radio':
      return (v) => typeof v === 'string' && (!field.options || field.options.includes(v))
    case 'id':
    case 'relationship':
    case 'upload': {
      if (Array.isArray(field.relationTo)) return polymorphicCheck(schema, field.relationTo)
      const target = typeof field.relationTo === 'string' ? schema.collections.get(field.relationTo) : undefined
      if (!target) return null
      return target.idType === 'number' ? isIntId : (v) => typeof v === 'string' || typeof v === 'number'
    }
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return (v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    case 'json':
    case 'richText':
    case 'jsonPath':
      return (v) => typeof v !== 'object' || v === null
    default:
      return null
  }
}

const expected: Record<string, string> = {
  number: 'a number',
  date: 'a date (e.g. 2025-01-31T00:00:00Z)',
  checkbox: 'true or false',
  id: 'a whole-number id',
  relationship: 'an id',
  upload: 'an id',
  text: 'a string',
  textarea: 'a string',
  email: 'a string',
  code: 'a string',
  json: 'a single value',
  richText: 'a single value',
  jsonPath: 'a single value',
}

export function checkOperand(schema: GuardSchema, field: FieldInfo, path: string, op: string, value: unknown): void {
  const where = `where[${path}][${op}]`
  const allowed = operatorsFor(field)
  if (allowed && allowed.length === 0) {
    const why =
      field.type === 'join'
        ? `is a join field: filter its documents with joins[${path}][where]`
        : 'points inside a rich text value or through a list index in JSON'
    throw badRequest('invalid_where', `${where}: "${path}" ${why}, which cannot be queried here`, { path, operator: op })
  }
  if (allowed && !allowed.includes(op)) {
    throw badRequest('invalid_where', `${where}: the ${field.type} field "${path}" cannot be queried with "${op}"`, { path, operator: op, allowed })
  }
  if (op === 'exists') {
    const ok = typeof value === 'boolean' || (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase()))
    if (!ok) throw badRequest('invalid_where', `${where} must be true or false, got ${show(value)}`, { path, operator: op })
    return
  }
  if (op === 'near' || op === 'within' || op === 'intersects') return
  if ((op === 'like' || op === 'not_like' || op === 'contains') && typeof value === 'string' && /(^|[^\\])(\\\\)*\\$/.test(value)) {
    throw badRequest('invalid_where', `${where} must not end with a lone backslash (the database reads it as an escape)`, { path, operator: op })
  }
  const check = scalarCheck(schema, field)
  if (!check) return
  const values = LIST_OPS.has(op) ? (typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value]) : [value]
  const objectAllowed = op === 'equals' && Array.isArray(field.relationTo)
  if (!LIST_OPS.has(op) && !objectAllowed && typeof value === 'object' && value !== null) {
    throw badRequest('invalid_where', `${where} must be a single value, got ${show(value)}`, { path, operator: op })
  }
  for (const v of values) {
    if ((op === 'equals' || op === 'not_equals') && isNullish(v, field.type)) continue
    if (!check(v)) {
      const want = field.type === 'select' || field.type === 'radio' ? `one of ${field.options?.join(', ')}` : expected[field.type]
      throw badRequest('invalid_where', `${where} must be ${want}, got ${show(v)}`, { path, operator: op })
    }
  }
}
