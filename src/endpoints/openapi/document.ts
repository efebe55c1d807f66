import type { Endpoint, SanitizedConfig } from 'payload'
import type { z } from 'zod'

import { env } from '../../infra/env'
import { COMMERCE_OPERATIONS, type CommerceOperation } from './commerceOperations'
import { COLLECTION_OPERATIONS, GLOBAL_OPERATIONS, ROOT_OPERATIONS, type PayloadOperation } from './payloadOperations'
import { answerSchema, entitySchemas, errorSchema, zodSchema, type JsonSchema } from './schemas'

// The OpenAPI 3.1 document of the whole REST API, built from the running config (docs/openapi.md): every endpoint
// the config lists, Payload's and ours, with bodies, answers and error codes.

type Operation = Record<string, unknown>
export type OpenApiDocument = {
  openapi: string
  info: Record<string, unknown>
  paths: Record<string, Record<string, Operation>>
  components: Record<string, unknown>
} & Record<string, unknown>

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Not logged in, or bad credentials',
  402: 'Payment declined',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Unprocessable',
  423: 'Locked',
  429: 'Too many requests (see Retry-After)',
  500: 'Server error',
  503: 'Busy or timed out (see Retry-After)',
}

const errorResponse = (status: number, codes: string[]) => ({
  description: `${STATUS_TEXT[status] ?? 'Error'}${codes.length ? `: ${codes.map((c) => `\`${c}\``).join(', ')}` : ''} (docs/errors.md)`,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})

function errorResponses(errors: Record<number, string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [status, codes] of Object.entries({ ...errors, 500: ['internal_error'] })) out[status] = errorResponse(Number(status), codes)
  return out
}

const param = (name: string, schema: JsonSchema, description: string, extra: Record<string, unknown> = {}) => ({
  name,
  in: 'query',
  schema,
  description,
  ...extra,
})
// The caps are read when the document is built, not at import: tests import this module before setting the environment.
const queryParams = (
  { API_MAX_LIMIT, API_MAX_LIMIT_STAFF, API_MAX_DEPTH } = env(),
  STAFF_LIMIT = Math.max(API_MAX_LIMIT, API_MAX_LIMIT_STAFF),
): Record<string, unknown[]> => ({
  depth: [
    param(
      'depth',
      { type: 'integer', minimum: 0, maximum: API_MAX_DEPTH },
      `How deep to fill in related documents (0: ids only); above ${API_MAX_DEPTH} is 400 depth_too_large`,
    ),
  ],
  where: [param('where', { type: 'object' }, 'Filter, e.g. `where[slug][equals]=mug`', { style: 'deepObject', explode: true })],
  select: [param('select', { type: 'object' }, 'Only these fields, e.g. `select[title]=true`', { style: 'deepObject', explode: true })],
  draft: [param('draft', { type: 'boolean' }, 'Read or write the draft (staff)')],
  page: [
    param(
      'limit',
      { type: 'integer', minimum: 1, maximum: STAFF_LIMIT },
      `Documents per page (default 10): at most ${API_MAX_LIMIT} (API_MAX_LIMIT), or ${STAFF_LIMIT} (API_MAX_LIMIT_STAFF) for staff and API keys; more, 0 or pagination=false is 400 limit_too_large`,
    ),
    param('page', { type: 'integer', minimum: 1 }, 'Page number'),
    param('sort', { type: 'string' }, 'A field name; `-field` for descending'),
  ],
})
const QUERY_SETS: Record<string, string[]> = {
  list: ['where', 'page', 'depth', 'select', 'draft'],
  read: ['depth', 'select', 'draft'],
  write: ['depth', 'select', 'draft'],
  bulk: ['where', 'depth', 'select', 'draft'],
}

const BODIES: Record<string, (name: string) => JsonSchema | null> = {
  doc: (name) => ({ $ref: `#/components/schemas/${name}` }),
  credentials: () => ({
    type: 'object',
    required: ['email', 'password'],
    properties: {
      email: { type: 'string', format: 'email' },
      password: { type: 'string' },
      code: { type: 'string', description: 'Staff with two-factor on: the six-digit code or a recovery code (docs/security/two-factor-and-audit.md)' },
    },
  }),
  email: () => ({ type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }),
  reset: () => ({ type: 'object', required: ['token', 'password'], properties: { token: { type: 'string' }, password: { type: 'string' } } }),
  unlock: () => ({ type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }),
  firstRegister: (name) => ({ $ref: `#/components/schemas/${name}` }),
  any: () => ({ type: 'object' }),
  none: () => null,
}

const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))

/** `/:id/transition` → `/{id}/transition`; `/access/:id?` → both `/access` and `/access/{id}`. */
export function openApiPaths(base: string, path: string): string[] {
  const full = `${base}${path === '/' ? '' : path}`
  const optional = full.match(/\/:(\w+)\?$/)
  const plain = (p: string) => p.replace(/:(\w+)/g, '{$1}')
  return optional ? [plain(full.slice(0, optional.index)), plain(full.replace(/\?$/, ''))] : [plain(full)]
}

function payloadOperation(op: PayloadOperation, name: string, label: string, tag: string, path: string): Operation {
  const body = BODIES[op.body](name)
  const success =
    op.answer === 'file' || op.answer === 'image'
      ? {
          description: 'The file',
          content: { [op.answer === 'image' ? 'image/png' : 'application/octet-stream']: { schema: { type: 'string', format: 'binary' } } },
        }
      : { description: 'OK', content: { 'application/json': { schema: answerSchema(op.answer, name) } } }
  return {
    summary: op.summary.replace('{label}', label),
    tags: [tag],
    parameters: [...pathParams(path), ...(op.query ? QUERY_SETS[op.query].flatMap((q) => queryParams()[q]) : [])],
    ...(body ? { requestBody: { required: op.body !== 'any', content: { 'application/json': { schema: body } } } } : {}),
    responses: { [String(op.status ?? 200)]: success, ...errorResponses(Object.fromEntries(op.errors.map((s) => [s, []]))) },
  }
}

function queryParameters(query: CommerceOperation['query']): unknown[] {
  if (!query) return []
  if (!('_zod' in query)) return Object.entries(query).map(([name, q]) => param(name, { type: 'string' }, q.description, { required: !!q.required }))
  const schema = zodSchema(query as z.ZodType, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] }
  return Object.entries(schema.properties ?? {}).map(([name, s]) =>
    param(name, s, String(s.description ?? ''), { required: !!schema.required?.includes(name) }),
  )
}

function commerceOperation(op: CommerceOperation, path: string): Operation {
  const content =
    op.answer === 'csv' || op.answer === 'html'
      ? { [op.answer === 'csv' ? 'text/csv' : 'text/html']: { schema: { type: 'string' } } }
      : { 'application/json': { schema: op.answer === 'any' ? { type: 'object' } : zodSchema(op.answer, 'output') } }
  const body = op.body
    ? { required: true, content: { 'application/json': { schema: zodSchema(op.body, 'input') } } }
    : op.multipart
      ? { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: op.multipart } } } }
      : undefined
  const headers = Object.entries(op.headers ?? {}).map(([name, h]) => ({
    name,
    in: 'header',
    required: h.required,
    schema: { type: 'string' },
    description: h.description,
  }))
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    ...(op.staff ? { security: [{ jwt: [] }, { cookie: [] }, { apiKey: [] }] } : {}),
    parameters: [...pathParams(path), ...queryParameters(op.query), ...headers],
    ...(body ? { requestBody: body } : {}),
    responses: { [String(op.status)]: { description: 'OK', content }, ...errorResponses(op.errors) },
  }
}

const isCatchAll = (endpoint: Endpoint) => endpoint.path.includes(':rest*')

function addEndpoints(
  doc: OpenApiDocument,
  endpoints: Endpoint[] | false | undefined,
  scope: string,
  base: string,
  table: Record<string, PayloadOperation>,
  name: string,
  label: string,
) {
  for (const endpoint of endpoints || []) {
    if (isCatchAll(endpoint)) continue
    const key = `${endpoint.method} ${endpoint.path}`
    // A plugin describes its own endpoints in `custom.openapi` (plugins/README.md).
    const ours = COMMERCE_OPERATIONS[`${scope} ${key}`] ?? (endpoint.custom?.openapi as CommerceOperation | undefined)
    for (const path of openApiPaths(base, endpoint.path)) {
      // Payload answers with the first endpoint listed for a method and path (ours come before its defaults).
      if (doc.paths[path]?.[endpoint.method]) continue
      const op = ours ? commerceOperation(ours, path) : table[key] ? payloadOperation(table[key], name, label, label, path) : undocumented(key, path, label)
      doc.paths[path] = { ...doc.paths[path], [endpoint.method]: op }
    }
  }
}

// An endpoint nobody described yet still appears, marked, so the contract test can name it.
const undocumented = (key: string, path: string, tag: string): Operation => ({
  summary: `${key} (not yet described)`,
  tags: [tag],
  'x-undocumented': true,
  parameters: pathParams(path),
  responses: { 200: { description: 'OK', content: { 'application/json': { schema: {} } } }, ...errorResponses({}) },
})

// Answered by the node:http server in front of Payload (src/server/handler.ts) and Payload's GraphQL route.
function addServerRoutes(doc: OpenApiDocument, api: string) {
  const health = (summary: string, errors: Record<number, unknown>) => ({
    get: {
      summary,
      tags: ['Operations'],
      responses: {
        200: {
          description: 'OK',
          content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status: { type: 'string' } } } } },
        },
        ...errors,
      },
    },
  })
  const notReady = {
    503: {
      description: 'Not ready',
      content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string' }, checks: { type: 'object' } } } } },
    },
  }
  doc.paths[`${api}/health`] = health('Liveness', {})
  doc.paths[`${api}/health/ready`] = health('Readiness: database, Redis, migrations, media', notReady)
  doc.paths[`${api}/graphql`] = {
    post: {
      summary: 'GraphQL (schema.graphql; errors carry extensions.code)',
      tags: ['GraphQL'],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['query'],
              properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } },
            },
          },
        },
      },
      responses: {
        200: {
          description: 'A GraphQL result',
          content: { 'application/json': { schema: { type: 'object', properties: { data: {}, errors: { type: 'array' } } } } },
        },
        400: {
          description: 'Refused by the guard or invalid: `graphql_syntax_error`, `graphql_limit`, `graphql_too_large`, `invalid_graphql`',
          content: { 'application/json': { schema: { type: 'object', properties: { error: {}, errors: { type: 'array' } } } } },
        },
      },
    },
  }
}

const labelOf = (entity: { slug: string; labels?: { plural?: unknown }; label?: unknown }) => {
  const text = entity.labels?.plural ?? entity.label
  return typeof text === 'string' ? text : entity.slug
}

export function buildOpenApiDocument(config: SanitizedConfig): OpenApiDocument {
  const api = config.routes.api
  const doc: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: 'Ipswich Retail API',
      version: '1',
      description:
        'REST API of the Ipswich Retail CMS: Payload’s collection endpoints and the commerce endpoints. Errors: docs/errors.md. GraphQL: POST /api/graphql (schema.graphql).',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: config.serverURL || '/' }],
    paths: {},
    components: {
      schemas: { Error: errorSchema, ...entitySchemas(config) },
      securitySchemes: {
        jwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`JWT <token>` from POST /api/users/login or /api/customers/login' },
        cookie: { type: 'apiKey', in: 'cookie', name: `${config.cookiePrefix ?? 'payload'}-token` },
        apiKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`integrations API-Key <key>` (docs/api-keys.md)' },
      },
    },
    security: [{}, { jwt: [] }, { cookie: [] }, { apiKey: [] }],
  }
  addServerRoutes(doc, api)
  addEndpoints(doc, config.endpoints, 'root', api, ROOT_OPERATIONS, 'Error', 'API')
  for (const collection of config.collections) {
    addEndpoints(doc, collection.endpoints, collection.slug, `${api}/${collection.slug}`, COLLECTION_OPERATIONS, collection.slug, labelOf(collection))
  }
  for (const global of config.globals) {
    addEndpoints(doc, global.endpoints, global.slug, `${api}/globals/${global.slug}`, GLOBAL_OPERATIONS, global.slug, labelOf(global))
  }
  return doc
}
