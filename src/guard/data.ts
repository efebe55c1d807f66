import { badRequest, show } from './refusal'
import type { FieldInfo, FieldMap, GuardSchema } from './schema'

// Checks a document body against the fields by type, so no field reaches the database with a value of the wrong shape.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isIntLike = (v: unknown) =>
  (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2147483647) || (typeof v === 'string' && /^\d{1,10}$/.test(v) && Number(v) <= 2147483647)
const isDate = (v: unknown) =>
  v instanceof Date || (typeof v === 'string' && !Number.isNaN(new Date(v).getTime())) || (typeof v === 'number' && Math.abs(v) < 8.64e15)

// Payload's admin sends an array or blocks field with no rows as its row count, 0 (reduceFieldsToValues); Payload reads it as empty.
const EMPTY_LIST = 0

function fail(path: string, field: FieldInfo, value: unknown, want: string): never {
  throw badRequest('invalid_field', `${path} must be ${want}, got ${show(value)}`, { errors: [{ path, message: `must be ${want}` }], type: field.type })
}

function relationOk(schema: GuardSchema, field: FieldInfo, v: unknown): boolean {
  if (v === null || v === '') return true
  if (Array.isArray(field.relationTo)) return isObject(v) || typeof v === 'string' || typeof v === 'number'
  const target = schema.collections.get(field.relationTo ?? '')
  if (isObject(v)) return 'id' in v || 'value' in v
  if (target?.idType !== 'number') return typeof v === 'string' || typeof v === 'number'
  return isIntLike(v)
}

function checkValue(schema: GuardSchema, field: FieldInfo, value: unknown, path: string): void {
  if (value === null || value === undefined) return
  const many = field.hasMany && Array.isArray(value) ? (value as unknown[]) : null
  const each = (ok: (v: unknown) => boolean, want: string) => {
    if (field.hasMany && !Array.isArray(value) && typeof value === 'object') fail(path, field, value, `a list of ${want}`)
    for (const v of many ?? [value]) if (!ok(v)) fail(path, field, v, want)
  }
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
    case 'password':
      return each((v) => typeof v === 'string' || (field.type !== 'email' && typeof v === 'number'), 'a string')
    case 'number':
      return each((v) => v === null || typeof v === 'number' || typeof v === 'string', 'a number')
    case 'date':
      return each((v) => v === null || v === '' || isDate(v), 'a date (e.g. 2025-01-31T00:00:00Z)')
    case 'checkbox':
      return each((v) => typeof v === 'boolean' || v === 'true' || v === 'false', 'true or false')
    case 'select':
    case 'radio':
      return each((v) => typeof v === 'string' || v === null, `one of ${field.options?.join(', ') ?? 'the options'}`)
    case 'relationship':
    case 'upload':
      return each((v) => relationOk(schema, field, v), 'an id')
    case 'point':
      if (!Array.isArray(value) || value.length !== 2 || !value.every((n) => typeof n === 'number' || typeof n === 'string')) {
        fail(path, field, value, 'a [longitude, latitude] pair')
      }
      return
    case 'richText':
      if (!isObject(value)) fail(path, field, value, 'a rich text document (an object)')
      return
    case 'group':
    case 'tab':
      if (!isObject(value)) fail(path, field, value, 'an object')
      return checkData(schema, field.fields ?? new Map(), value, `${path}.`)
    case 'array':
      if (value === EMPTY_LIST) return
      if (!Array.isArray(value)) fail(path, field, value, 'a list')
      return value.forEach((row, i) => {
        if (!isObject(row)) fail(`${path}.${i}`, field, row, 'an object')
        checkData(schema, field.fields ?? new Map(), row, `${path}.${i}.`)
      })
    case 'blocks':
      if (value === EMPTY_LIST) return
      if (!Array.isArray(value)) fail(path, field, value, 'a list of blocks')
      return value.forEach((block, i) => {
        if (!isObject(block) || typeof block.blockType !== 'string') fail(`${path}.${i}`, field, block, 'a block with a blockType')
        const fields = field.blocks?.get(block.blockType)
        if (fields) checkData(schema, fields, block, `${path}.${i}.`)
      })
    default:
      return
  }
}

/** Checks the known fields of a document body; unknown keys are Payload's to ignore or refuse. */
export function checkData(schema: GuardSchema, fields: FieldMap, data: Record<string, unknown>, prefix = ''): void {
  for (const [key, value] of Object.entries(data)) {
    const field = fields.get(key)
    if (field) checkValue(schema, field, value, `${prefix}${key}`)
  }
}
