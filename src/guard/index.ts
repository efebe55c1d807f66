import type { SanitizedConfig } from 'payload'
import * as qs from 'qs-esm'

import { BODY_REQUIRED, checkDocumentBody, checkMultipartBody, isExactMediaType, mediaTypeOf, parseJsonBody } from './body'
import { checkGraphQL } from './graphql'
import { jsonDepth } from './jsonDepth'
import { checkEntityQuery, checkQueryCaps, checkQueryText, type Query } from './query'
import { Refusal, badRequest } from './refusal'
import { matchRoute, type RouteMatch } from './routes'
import { checkRouteParams } from './routeParams'
import { describeConfig, type GuardSchema } from './schema'
import type { GuardHeaders, GuardOptions, GuardRefusal, GuardRequest, RequestGuard } from './types'

export type { GuardOptions, GuardRefusal, GuardRequest, RequestGuard } from './types'

// One check in front of Next and Payload for every request: refuses, with a JSON 4xx that names the problem, the
// inputs known to make Payload answer 500 or hold the database. When unsure it lets the request through.

export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
const ALLOW = ALLOWED_METHODS.join(', ')
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH'])
/** Parsed exactly as Payload parses `req.query` (createPayloadRequest). */
const QS_OPTIONS = { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }

function headerReader(headers: GuardHeaders): (name: string) => string | undefined {
  if (typeof (headers as Headers).get === 'function') return (name) => (headers as Headers).get(name) ?? undefined
  const record = headers as Record<string, string | string[] | undefined>
  return (name) => {
    const key = Object.keys(record).find((k) => k.toLowerCase() === name)
    const value = key === undefined ? undefined : record[key]
    return Array.isArray(value) ? value.join(', ') : value
  }
}

const parseQuery = (search: string): Query => (search && search !== '?' ? (qs.parse(search, QS_OPTIONS) as Query) : {})

function checkBody(schema: GuardSchema, match: RouteMatch, contentType: string, body: Uint8Array, override: boolean, maxQuery: number): Query | null {
  const media = mediaTypeOf(contentType)
  const entity = match.kind === 'entity' ? match.entity : undefined
  const op = match.kind === 'entity' ? match.op : null
  if (override && media === 'application/x-www-form-urlencoded') return parseQuery(Buffer.from(body).toString('utf8'))
  if (media === 'application/json') {
    if (match.kind !== 'graphql' && !isExactMediaType(contentType, media)) {
      throw new Refusal(415, 'unsupported_media_type', `Write the Content-Type as "application/json", got "${contentType}"`)
    }
    const data = parseJsonBody(body)
    if (override) return data as Query
    if (match.kind === 'graphql') checkGraphQL(data, maxQuery)
    if (entity) checkDocumentBody(schema, entity, op, data)
    return null
  }
  if (media === 'multipart/form-data' && match.kind !== 'graphql') {
    if (!isExactMediaType(contentType, media)) {
      throw new Refusal(415, 'unsupported_media_type', `Write the Content-Type as "multipart/form-data; boundary=…", got "${contentType}"`)
    }
    checkMultipartBody(schema, entity, op, body, contentType)
    return null
  }
  throw new Refusal(
    415,
    'unsupported_media_type',
    `Content-Type "${contentType || '(none)'}" is not accepted here: send application/json${match.kind === 'graphql' ? '' : ' or multipart/form-data'}`,
  )
}

export function createRequestGuard(config: SanitizedConfig, options: Partial<GuardOptions> = {}): RequestGuard {
  const schema = describeConfig(config)
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
  const maxUploadBytes = options.maxUploadBytes ?? (config.upload as { limits?: { fileSize?: number } })?.limits?.fileSize ?? 5 * 1024 * 1024
  const maxQuery = options.maxGraphQLQueryLength ?? 100_000
  const checkFiles = options.checkUploadFiles ?? true
  const maxLimit = options.maxLimit ?? 100
  const maxDepth = options.maxDepth ?? 3
  const tokenCookie = `${options.cookiePrefix ?? 'payload'}-token=`
  const maxJsonDepth = options.maxJsonDepth ?? 64

  const bodyLimit: RequestGuard['bodyLimit'] = (req) => {
    const media = mediaTypeOf(headerReader(req.headers)('content-type') ?? '')
    return media === 'multipart/form-data' ? maxUploadBytes + maxBodyBytes : maxBodyBytes
  }

  function check(req: GuardRequest): void {
    const method = req.method.toUpperCase()
    if (!ALLOWED_METHODS.includes(method)) {
      throw new Refusal(405, 'method_not_allowed', `The method ${method} is not allowed`, { allowed: ALLOWED_METHODS }, { allow: ALLOW })
    }
    const header = headerReader(req.headers)
    const limit = bodyLimit(req)
    const declared = Number(header('content-length') ?? 0)
    if (declared > limit || (req.body?.byteLength ?? 0) > limit) {
      throw new Refusal(413, 'payload_too_large', `The request body is larger than ${limit} bytes`, { limit })
    }
    let url: URL
    try {
      url = new URL(req.url, 'http://localhost')
    } catch {
      throw badRequest('invalid_url', 'The request URL cannot be parsed')
    }
    const override = method === 'POST' && /^get$/i.test(header('x-payload-http-method-override') ?? header('x-http-method-override') ?? '')
    const match = matchRoute(schema, override ? 'GET' : method, url.pathname)
    if (match.kind === 'outside') return
    // Every JSON body under /api, our endpoints' included: the walks after parsing are recursive.
    if (req.body && mediaTypeOf(header('content-type') ?? '') === 'application/json' && jsonDepth(req.body, maxJsonDepth) > maxJsonDepth) {
      throw badRequest('json_too_deep', `The JSON body is nested deeper than ${maxJsonDepth} levels`, { limit: maxJsonDepth })
    }
    let query = parseQuery(url.search)
    checkQueryText(query)
    const media = mediaTypeOf(header('content-type') ?? '')
    // Payload hands any multipart request, even an empty one, to its form parser, whose errors are 500s.
    const hasBody =
      (req.body?.byteLength ?? 0) > 0 || (req.body === undefined && (declared > 0 || !!header('transfer-encoding'))) || media === 'multipart/form-data'
    if (WITH_BODY.has(method) && hasBody) {
      if (!req.body) return // head-only check: the rest waits for the body
      const fromBody = checkBody(schema, match, header('content-type') ?? '', req.body, override, maxQuery)
      if (fromBody) query = { ...query, ...fromBody }
    } else if (override && media === 'application/json') {
      throw badRequest('invalid_json', 'A GET override with Content-Type application/json needs a JSON body')
    } else if (match.kind === 'entity' && match.op && BODY_REQUIRED.has(match.op) && !override) {
      throw badRequest('missing_body', `${method} ${url.pathname} needs a JSON body`)
    }
    if (override) checkQueryText(query)
    if (match.kind === 'graphql' && method === 'GET') checkGraphQL(query, maxQuery)
    if (match.kind !== 'entity' || !match.op) return
    checkRouteParams(match.entity, match.op, match.params, checkFiles)
    checkEntityQuery(schema, match.entity, match.op, query)
    const anonymous = !header('authorization') && !(header('cookie') ?? '').includes(tokenCookie)
    checkQueryCaps(match.op, query, { maxLimit, maxDepth, anonymous })
  }

  const graphQLPath = `${schema.api}${schema.graphQL}`
  const guard = ((req: GuardRequest): GuardRefusal | null => {
    try {
      check(req)
      return null
    } catch (error) {
      if (error instanceof Refusal) return error.toAnswer(req.url.split('?', 1)[0].endsWith(graphQLPath))
      options.onFault?.(error)
      return null // a fault in the guard must not take the site down: Payload still validates
    }
  }) as RequestGuard
  guard.bodyLimit = bodyLimit
  return guard
}
