import {
  APIError,
  AuthenticationError,
  FileRetrievalError,
  FileUploadError,
  Forbidden,
  Locked,
  LockedAuth,
  MissingFile,
  NotFound,
  QueryError,
  UnauthorizedError,
  UnverifiedEmail,
  ValidationError,
} from 'payload'

import { isCommerceError } from '../commerce/errors'

// One error format for every 4xx and 5xx (docs/errors.md): `{ error: { code, message, details? } }`. Payload's own
// `errors` array stays beside it because the admin reads it, with a readable `name` in place of a minified class name.

export type ApiErrorBody = { error: { code: string; message: string; details?: unknown } }
type PayloadErrorItem = { name?: string; message?: string; data?: unknown; field?: string }
type PayloadErrorResult = { errors?: PayloadErrorItem[]; stack?: string }

// Checked in order: a subclass before the class it extends. Names survive minification because they are written here.
const PAYLOAD_ERRORS: Array<[new (...args: never[]) => Error, string, string]> = [
  [ValidationError, 'validation_failed', 'ValidationError'],
  [AuthenticationError, 'invalid_credentials', 'AuthenticationError'],
  [LockedAuth, 'account_locked', 'LockedAuth'],
  [UnauthorizedError, 'unauthorized', 'UnauthorizedError'],
  [UnverifiedEmail, 'email_not_verified', 'UnverifiedEmail'],
  [Forbidden, 'forbidden', 'Forbidden'],
  [NotFound, 'not_found', 'NotFound'],
  [Locked, 'document_locked', 'Locked'],
  [QueryError, 'invalid_query', 'QueryError'],
  [MissingFile, 'missing_file', 'MissingFile'],
  [FileUploadError, 'file_upload_failed', 'FileUploadError'],
  [FileRetrievalError, 'file_retrieval_failed', 'FileRetrievalError'],
]

// Payload answers 500 when the file a create names by `url` cannot be fetched; the address was the caller's, so 400.
const FETCH_FAILED = 'The file at the given url could not be fetched: upload the file itself (multipart field "file") or give a reachable http(s) address'

/** The status to answer for an error Payload threw: its own, except for the caller's mistakes Payload counts as 500. */
export function statusOfPayloadError(error: unknown): number {
  if (error instanceof FileRetrievalError) return 400
  return (error as { status?: number }).status ?? 500
}

/** The code for an HTTP status when nothing more specific is known. */
export function codeForStatus(status: number): string {
  const byStatus: Record<number, string> = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    409: 'conflict',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
    423: 'document_locked',
    429: 'rate_limited',
    501: 'not_implemented',
    503: 'unavailable',
  }
  return byStatus[status] ?? (status >= 500 ? 'internal_error' : 'bad_request')
}

/** The stable code and readable class name of an error Payload threw (or a GraphQL error wrapping one). */
export function classifyPayloadError(error: unknown, status: number): { code: string; name: string } {
  const original = (error as { originalError?: unknown })?.originalError ?? error
  if (isCommerceError(original)) return { code: original.code, name: 'CommerceError' }
  if (status >= 500) return { code: 'internal_error', name: 'APIError' }
  for (const [type, code, name] of PAYLOAD_ERRORS) if (original instanceof type) return { code, name }
  return { code: codeForStatus(status), name: original instanceof APIError ? 'APIError' : 'Error' }
}

/** Field problems of a validation error as `[{ field, message }]`, the shape our own endpoints use. */
function detailsOf(items: PayloadErrorItem[]): unknown {
  const fields = items.flatMap((item) => {
    const data = item.data as { errors?: Array<{ path?: string; field?: string; message?: string }> } | undefined
    return (data?.errors ?? []).map((e) => ({ field: e.path ?? e.field ?? '', message: e.message ?? '' }))
  })
  return fields.length > 0 ? fields : undefined
}

/** Payload's `{ errors: [...] }` answer in our format, the `errors` array kept (names made readable, stack only when debugging). */
export function formatPayloadErrorResult(result: PayloadErrorResult, error: unknown, status: number, debug: boolean): ApiErrorBody & PayloadErrorResult {
  const { code, name } = classifyPayloadError(error, status)
  const items = (result.errors ?? []).map((item) => ({ ...item, name, ...(error instanceof FileRetrievalError ? { message: FETCH_FAILED } : {}) }))
  const message = items[0]?.message ?? (status >= 500 ? 'Something went wrong on our side' : 'The request was refused')
  const details = detailsOf(items)
  const body: ApiErrorBody & PayloadErrorResult = { error: { code, message, ...(details === undefined ? {} : { details }) }, errors: items }
  if (debug && result.stack) body.stack = result.stack
  return body
}

type GraphQLErrorResult = { message: string; extensions?: Record<string, unknown>; [key: string]: unknown }

/** A GraphQL error carries `extensions.code` (and a readable name); the stack only when debugging. */
export function formatGraphQLErrorResult(result: GraphQLErrorResult, error: unknown, debug: boolean): GraphQLErrorResult {
  const extensions = result.extensions ?? {}
  const status = typeof extensions.statusCode === 'number' ? extensions.statusCode : 500
  const { code, name } = classifyPayloadError(error, status)
  const { stack, ...rest } = extensions
  return { ...result, extensions: { ...rest, name, code, ...(debug && stack ? { stack } : {}) } }
}

/** Our format for a status and message, e.g. for answers the server writes itself. */
export function errorBody(code: string, message: string, details?: unknown): ApiErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } }
}
