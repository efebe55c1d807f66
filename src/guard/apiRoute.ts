import { getPayload, headersWithCors, type Payload, type PayloadRequest, type SanitizedConfig } from 'payload'
import type { Logger } from 'pino'
import * as qs from 'qs-esm'

import { errorBody } from '../infra/apiErrors'
import { callerCollection, credentialChecker, unauthorizedAnswer, type CredentialChecker } from '../infra/credentials'
import { env } from '../infra/env'
import { logger } from '../infra/logger'
import { capsFor, depthRefusal, limitRefusal, type CapRefusal } from '../infra/pageCaps'
import { matchRoute } from './routes'
import { describeConfig, type GuardSchema } from './schema'

// Payload's Next route handlers (REST and GraphQL) wrapped with what needs to know who is asking, so `npm start`,
// `next start` and `next dev` answer alike: bad credentials → 401, and a REST list read's page size capped by caller
// (GraphQL's list queries are capped by a validation rule, src/infra/graphqlLimits.ts).

type RouteContext = { params: Promise<{ slug: string[] }> }
type RouteHandler = (request: Request, context: RouteContext) => Promise<Response> | Response

const LIST_READS = new Set(['get /', 'get /versions'])
const QS_OPTIONS = { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }

type Ready = { payload: Payload; check: CredentialChecker; schema: GuardSchema }

/** A GET sent as POST with X-Payload-HTTP-Method-Override carries its query in the body. */
async function queryOf(request: Request, override: boolean): Promise<Record<string, unknown>> {
  const url = new URL(request.url)
  const query = qs.parse(url.search, QS_OPTIONS) as Record<string, unknown>
  if (!override) return query
  const text = await request.clone().text()
  const type = request.headers.get('content-type') ?? ''
  try {
    const body = type.includes('application/json') ? JSON.parse(text) : qs.parse(text, QS_OPTIONS)
    return typeof body === 'object' && body !== null ? { ...query, ...body } : query
  } catch {
    return query // Payload answers the malformed body itself
  }
}

async function capRefusal({ payload, schema }: Ready, request: Request, collection: string | undefined): Promise<CapRefusal | null> {
  const method = request.method.toUpperCase()
  const asked = request.headers.get('x-payload-http-method-override') ?? request.headers.get('x-http-method-override')
  const override = method === 'POST' && asked === 'GET'
  let match
  try {
    match = matchRoute(schema, override ? 'GET' : method, new URL(request.url).pathname)
  } catch {
    return null // a malformed path: Payload answers it
  }
  if (match.kind !== 'entity' || !match.op) return null
  const query = await queryOf(request, override)
  const settings = env()
  const refusal = depthRefusal(query, capsFor(collection, settings))
  if (refusal || !LIST_READS.has(match.op)) return refusal
  const asAnonymous = limitRefusal(query, capsFor(undefined, settings))
  if (!asAnonymous) return null
  // Only a page larger than the public one needs to know whether a session cookie belongs to staff.
  return limitRefusal(query, capsFor(collection ?? (await callerCollection(payload, request.headers)), settings))
}

/** Wraps one of Payload's route handlers (`REST_GET(config)`, `GRAPHQL_POST(config)` …); `log` gets the "API key used" lines. */
export function guardedRoute<H extends RouteHandler>(config: Promise<SanitizedConfig> | SanitizedConfig, handler: H, log: Logger = logger()): H {
  let ready: Promise<Ready> | null = null
  const setup = async (): Promise<Ready> => {
    const payload = await getPayload({ config: await config })
    return { payload, check: credentialChecker(payload, log), schema: describeConfig(payload.config) }
  }
  const guarded = async (request: Request, context: RouteContext) => {
    const judged = await (ready ??= setup())
    // Our own answers carry the CORS headers Payload's would, so a browser client of an allowed origin can read them.
    const answer = (status: number, body: unknown, extra: Record<string, string>) => {
      const req = { payload: judged.payload, headers: request.headers } as unknown as PayloadRequest
      const headers = headersWithCors({ headers: new Headers({ 'cache-control': 'no-store', ...extra }), req })
      return Response.json(body, { status, headers })
    }
    const check = await judged.check(Object.fromEntries(request.headers))
    if (!check.ok) {
      const refused = unauthorizedAnswer(check)
      return answer(refused.status, refused.body, refused.headers)
    }
    const refusal = await capRefusal(judged, request, check.collection)
    if (refusal) return answer(400, errorBody(refusal.code, refusal.message, refusal.details), {})
    return handler(request, context)
  }
  return guarded as H
}
