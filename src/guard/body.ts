import { checkData } from './data'
import { jsonDepth } from './jsonDepth'
import { parseMultipart } from './multipart'
import { findNul } from './query'
import { Refusal, badRequest, show } from './refusal'
import type { EntityInfo, GuardSchema } from './schema'

// Checks a request body: its media type, that JSON parses to an object, no NUL characters, and document fields by type.

const DATA_OPS = new Set(['post /', 'patch /', 'patch /:id', 'post /:id/duplicate', 'post /first-register'])
const AUTH_STRINGS: Record<string, string[]> = {
  'post /login': ['email', 'username', 'password'],
  'post /forgot-password': ['email', 'username'],
  'post /unlock': ['email', 'username'],
  'post /reset-password': ['token', 'password'],
  'post /first-register': ['email', 'username', 'password'],
}

export const mediaTypeOf = (contentType: string): string => contentType.split(';', 1)[0].trim().toLowerCase()

/** Payload matches these media types case-sensitively, without spaces; anything else leaves the body unread (a 500). */
export const isExactMediaType = (contentType: string, media: string): boolean => contentType.split(';', 1)[0] === media

/** Payload's own endpoints that fail with 500 when the body is missing. */
export const BODY_REQUIRED = new Set([
  'post /',
  'patch /',
  'patch /:id',
  'post /login',
  'post /forgot-password',
  'post /reset-password',
  'post /unlock',
  'post /first-register',
])
const MAX_EMAIL = 254

export function parseJsonBody(body: Uint8Array, maxDepth = 64): Record<string, unknown> {
  if (jsonDepth(body, maxDepth) > maxDepth) throw badRequest('json_too_deep', `The JSON body is nested deeper than ${maxDepth} levels`, { limit: maxDepth })
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body))
  } catch {
    throw badRequest('invalid_json', 'The request body is not valid JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('invalid_json', `The request body must be a JSON object, got ${show(parsed)}`)
  }
  const at = findNul(parsed)
  if (at) throw badRequest('invalid_body', `The body field ${at} contains a NUL character`, { errors: [{ path: at, message: 'contains a NUL character' }] })
  return parsed as Record<string, unknown>
}

/** Checks a parsed document body for one of Payload's own endpoints. */
export function checkDocumentBody(schema: GuardSchema, entity: EntityInfo, op: string | null, data: Record<string, unknown>): void {
  if (!op) return
  for (const key of AUTH_STRINGS[op] ?? []) {
    if (key in data && typeof data[key] !== 'string') {
      throw badRequest('invalid_field', `${key} must be a string, got ${show(data[key])}`, { errors: [{ path: key, message: 'must be a string' }] })
    }
    if (key === 'email' && typeof data.email === 'string' && data.email.length > MAX_EMAIL) {
      throw badRequest('invalid_field', `email is longer than ${MAX_EMAIL} characters`, { errors: [{ path: key, message: 'is too long' }] })
    }
  }
  if (DATA_OPS.has(op) || (entity.kind === 'global' && op === 'post /')) checkData(schema, entity.fields, data)
}

export function checkMultipartBody(schema: GuardSchema, entity: EntityInfo | undefined, op: string | null, body: Uint8Array, contentType: string): void {
  for (const part of parseMultipart(body, contentType)) {
    if (part.value !== undefined && part.value.includes('\u0000')) {
      throw badRequest('invalid_body', `The multipart field "${part.name}" contains a NUL character`)
    }
    if (part.name !== '_payload' || part.value === undefined) continue
    let data: Record<string, unknown>
    try {
      data = parseJsonBody(Buffer.from(part.value))
    } catch (error) {
      if (error instanceof Refusal) throw badRequest(error.code, `_payload: ${error.message}`, error.details)
      throw error
    }
    if (entity) checkDocumentBody(schema, entity, op, data)
  }
}
