import type { IncomingHttpHeaders } from 'node:http'
import { executeAuthStrategies, type Payload } from 'payload'
import type { Logger } from 'pino'

import { queryRows, sql } from './sql'

/** Why credentials were refused; `details.reason` of the 401. */
export type CredentialRefusal = 'invalid_token' | 'unknown_api_key' | 'revoked_api_key'
/** `collection` names who the Authorization header proved to be (users, customers, integrations), when it was judged. */
export type CredentialCheck = { ok: true; collection?: string } | { ok: false; reason: CredentialRefusal; message: string }
export type CredentialChecker = (headers: IncomingHttpHeaders) => Promise<CredentialCheck>

const API_KEY = /^[\w-]+ API-Key \S/
const TOKEN = /^(JWT|Bearer) \S/
// lastUsedAt is written at most this often per key: a busy integration must not turn every read into a write.
const TOUCH_EVERY_MS = 60_000

/** Which credentials an Authorization header presents: only these are judged (cookies stay a browser matter). */
export function presentedCredentials(authorization: string | undefined): 'api-key' | 'token' | null {
  if (!authorization) return null
  if (API_KEY.test(authorization)) return 'api-key'
  if (TOKEN.test(authorization)) return 'token'
  return null
}

const REFUSALS: Record<CredentialRefusal, string> = {
  invalid_token: 'The session token is invalid or has expired; log in again, or send no token to act as a guest',
  unknown_api_key: 'This API key is not known; it may have been rotated or deleted',
  revoked_api_key: 'This API key has been revoked',
}

const refuse = (reason: CredentialRefusal): CredentialCheck => ({ ok: false, reason, message: REFUSALS[reason] })

type Integration = { id: string | number; name?: string; active?: boolean | null; lastUsedAt?: string | null }

async function touch(payload: Payload, integration: Integration, now: Date): Promise<void> {
  const last = integration.lastUsedAt ? Date.parse(integration.lastUsedAt) : 0
  if (now.getTime() - last < TOUCH_EVERY_MS) return
  await queryRows(payload, undefined, sql`UPDATE integrations SET last_used_at = ${now.toISOString()} WHERE id = ${Number(integration.id)} RETURNING id`)
}

/**
 * Judges the Authorization header with Payload's own strategies, before the request reaches Payload (which treats
 * bad credentials as no credentials): a bad or expired token, an unknown or revoked key → refused. Every use of a
 * key is logged and stamps the integration's lastUsedAt.
 */
export function credentialChecker(payload: Payload, log: Logger): CredentialChecker {
  return async (incoming) => {
    const kind = presentedCredentials(incoming.authorization)
    if (!kind) return { ok: true }
    const headers = new Headers({ authorization: incoming.authorization as string, DisableAutologin: 'true' })
    const { user } = await executeAuthStrategies({ headers, payload, canSetHeaders: false, isGraphQL: false })
    if (!user) return refuse(kind === 'api-key' ? 'unknown_api_key' : 'invalid_token')
    if (user.collection !== 'integrations') return { ok: true, collection: user.collection }
    const integration = user as unknown as Integration
    if (integration.active === false) return refuse('revoked_api_key')
    log.info({ integration: integration.id, integrationName: integration.name, reqId: incoming['x-request-id'] }, 'API key used')
    await touch(payload, integration, new Date()).catch((err: unknown) => log.warn({ err, integration: integration.id }, 'could not record API key use'))
    return { ok: true, collection: 'integrations' }
  }
}

/** Who a browser's session cookie (or any credentials) proves the caller to be, without refusing anything. */
export async function callerCollection(payload: Payload, headers: Headers): Promise<string | undefined> {
  const { user } = await executeAuthStrategies({ headers, payload, canSetHeaders: false, isGraphQL: false })
  return user?.collection
}

/** The 401 answer to refused credentials, in the one error format (docs/api-keys.md). */
export function unauthorizedAnswer(check: Extract<CredentialCheck, { ok: false }>): { status: 401; body: unknown; headers: Record<string, string> } {
  return {
    status: 401,
    body: { error: { code: 'unauthorized', message: check.message, details: { reason: check.reason } } },
    headers: { 'www-authenticate': 'Bearer realm="api", error="invalid_token"', 'cache-control': 'no-store' },
  }
}
