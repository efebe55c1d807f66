import { APIError, type PayloadRequest } from 'payload'
import type { Logger } from 'pino'

import { hasScope } from '../access/roles'
import type { Scope } from '../access/scopes'
import { CommerceError, isCommerceError } from '../commerce/errors'
import { classifyPayloadError, errorBody } from '../infra/apiErrors'

/** The JSON body of a request; malformed JSON is a 400 that says so. */
export async function readJsonBody(req: PayloadRequest): Promise<unknown> {
  if (!req.json) throw new CommerceError(400, 'invalid_json', 'Send a JSON request body')
  try {
    return await req.json()
  } catch {
    throw new CommerceError(400, 'invalid_json', 'The request body is not valid JSON')
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } })
}

/** An answer before it is a Response: Payload's routes make it one, the CMS server's own paths write it themselves. */
export type Answer = { status: number; body: unknown; headers: Record<string, string> }

export const answerResponse = (answer: Answer): Response => json(answer.body, answer.status, answer.headers)

/** Maps a thrown error to an answer: our errors and Payload's carry their status; anything else is a logged 500. */
export function errorAnswer(logger: Pick<Logger, 'error'>, url: string | undefined, error: unknown): Answer {
  if (isCommerceError(error)) {
    return { status: error.status, body: error.toJSON(), headers: error.status === 503 ? { 'retry-after': '1' } : {} }
  }
  if (error instanceof APIError && error.status < 500) {
    // error.name is a minified class name in a production build: the code comes from the class itself.
    return { status: error.status, body: errorBody(classifyPayloadError(error, error.status).code, error.message, error.data), headers: {} }
  }
  logger.error({ err: error, path: url }, 'Unexpected error in a commerce endpoint')
  return { status: 500, body: errorBody('internal_error', 'Something went wrong on our side'), headers: {} }
}

export const errorResponse = (req: PayloadRequest, error: unknown): Response => answerResponse(errorAnswer(req.payload.logger, req.url, error))

/** 401 for a caller nobody vouched for; 403 for a known one (staff member or API key) without `scope`. */
export function requireScope(req: PayloadRequest, scope: Scope): void {
  if (!req.user) throw new CommerceError(401, 'unauthenticated', 'Log in as staff or send an API key to do this')
  if (!hasScope(req.user, scope)) throw new CommerceError(403, 'forbidden', `This needs the ${scope} right`, { scope })
}

/**
 * Who is acting, for ledgers and histories: `by` is a staff id (those fields point at staff accounts), so an API key
 * records null there and is named instead.
 */
export function actorOf(req: PayloadRequest): { by: string | number | null; byName: string | null } {
  const user = req.user as (PayloadRequest['user'] & { name?: string | null; email?: string | null }) | null
  if (!user) return { by: null, byName: null }
  if (user.collection === 'users') return { by: user.id, byName: user.name || user.email || null }
  return { by: null, byName: user.collection === 'integrations' ? `API key: ${user.name ?? user.id}` : null }
}

/** Wraps a handler so every refusal becomes a clear 4xx/503 JSON answer. */
export function endpoint(handler: (req: PayloadRequest) => Promise<Response>) {
  return async (req: PayloadRequest): Promise<Response> => {
    try {
      return await handler(req)
    } catch (error) {
      return errorResponse(req, error)
    }
  }
}
