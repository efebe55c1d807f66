import type { AfterErrorHook, Endpoint, PayloadRequest, SanitizedConfig } from 'payload'

import { errorBody, formatGraphQLErrorResult, formatPayloadErrorResult, statusOfPayloadError } from '../infra/apiErrors'
import { json } from './respond'

// Payload's own errors (REST and GraphQL) and its unknown routes answer in our one format (docs/errors.md).

/** Config-level afterError hook: rewrites Payload's `{ errors }` body and adds `extensions.code` to GraphQL errors. */
export const formatErrors =
  (debug: boolean): AfterErrorHook =>
  ({ error, graphqlResult, result }) => {
    if (graphqlResult) return { graphqlResult: formatGraphQLErrorResult(graphqlResult as never, error, debug) as never }
    const status = statusOfPayloadError(error)
    return { response: formatPayloadErrorResult(result ?? {}, error, status, debug) as never, status }
  }

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

const routeNotFound = (req: PayloadRequest): Response | Promise<Response> => {
  // Payload's Next routes push `GET /og` onto the root endpoints on first use, after this catch-all: let it answer.
  const rest = req.routeParams?.rest
  const asked = `/${Array.isArray(rest) ? rest.join('/') : (rest ?? '')}`
  const method = req.method?.toLowerCase()
  const later =
    req.routeParams?.collection || req.routeParams?.global ? undefined : req.payload.config.endpoints.find((e) => e.path === asked && e.method === method)
  if (later) return later.handler(req)
  const path = new URL(req.url ?? 'http://localhost/').pathname
  return json(errorBody('route_not_found', `No ${req.method} route at ${path}`, { method: req.method, path }), 404)
}

const catchAll = (): Endpoint[] => METHODS.map((method) => ({ path: '/:rest*', method, handler: routeNotFound }))

/**
 * Appends catch-all endpoints after Payload's own (sanitising pushes its defaults after ours), so an unknown route
 * answers `route_not_found` in our format instead of Payload's bare `{ message }`.
 */
export async function withRouteNotFound(config: Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const sanitized = await config
  sanitized.endpoints = [...(sanitized.endpoints || []), ...catchAll()] as SanitizedConfig['endpoints']
  for (const entity of [...sanitized.collections, ...sanitized.globals]) {
    if (entity.endpoints !== false) entity.endpoints = [...(entity.endpoints || []), ...catchAll()]
  }
  return sanitized
}
