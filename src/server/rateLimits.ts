import type { ServerResponse } from 'node:http'

import type { Env } from '../infra/env'
import { recordCheckoutRefusal } from '../infra/metrics'
import type { RateLimiter } from '../infra/rateLimit'

export type LimitBucket = 'login' | 'checkout' | 'quote' | 'register' | 'lookup'
/**
 * `perAccount` also counts by the body's account: its email (or username), or the field `accountField` names.
 * `cost` is how many attempts the request makes (a GraphQL request with aliased logins makes one per alias).
 */
export type LimitRule = { bucket: LimitBucket; perAccount: boolean; accountField?: string; cost?: number }

type Limits = Pick<
  Env,
  'RATE_LIMIT_LOGIN' | 'RATE_LIMIT_CHECKOUT' | 'RATE_LIMIT_QUOTE' | 'RATE_LIMIT_REGISTER' | 'RATE_LIMIT_LOOKUP' | 'RATE_LIMIT_WINDOW_SECONDS'
>

// Logins count per address only: a per-account count would let anyone lock anyone out. Each account-and-address pair
// is slowed down instead (src/infra/loginDelay.ts, in the auth collections' hooks).
const REST_RULES: Record<string, LimitRule> = {
  '/api/users/login': { bucket: 'login', perAccount: false },
  '/api/customers/login': { bucket: 'login', perAccount: false },
  '/api/checkout': { bucket: 'checkout', perAccount: false },
  '/api/cart/quote': { bucket: 'quote', perAccount: false },
  '/api/customers': { bucket: 'register', perAccount: false },
  // Each reset request queues a job: the registration limit (account requests per address) bounds them.
  '/api/customers/forgot-password': { bucket: 'register', perAccount: false },
  '/api/users/forgot-password': { bucket: 'register', perAccount: false },
  // A guest's order by number and email: by address, and by order number so nobody can try email after email on one order.
  '/api/orders/lookup': { bucket: 'lookup', perAccount: true, accountField: 'number' },
}
// …and by number and emailed token, by address.
const GET_RULES: Record<string, LimitRule> = {
  '/api/orders/lookup': { bucket: 'lookup', perAccount: false },
}

export function restLimitRule(method: string, pathname: string): LimitRule | null {
  if (method === 'GET') return GET_RULES[pathname] ?? null
  return method === 'POST' ? (REST_RULES[pathname] ?? null) : null
}

/** Login, registration, checkout and quote are also GraphQL mutations; they count against the same limits. */
export function graphqlLimitRule(query: string): LimitRule | null {
  if (!/\bmutation\b/.test(query)) return null
  const logins = query.match(/\blogin[A-Z]\w*\s*[({]/g)?.length ?? (/\blogin[A-Z]\w*/.test(query) ? 1 : 0)
  if (logins > 0) return { bucket: 'login', perAccount: false, cost: logins }
  if (/\bcreateCustomer\b|\bforgotPassword[A-Z]/.test(query)) return { bucket: 'register', perAccount: false }
  if (/\bCheckout\b/.test(query)) return { bucket: 'checkout', perAccount: false }
  if (/\bQuoteCart\b/.test(query)) return { bucket: 'quote', perAccount: false }
  return null
}

/** The login's account (email or username, or the named field) from a JSON, urlencoded or GraphQL-variables body. */
export function accountOf(body: Buffer, contentType: string | undefined, field?: string): string | null {
  const text = body.toString('utf8')
  let fields: Record<string, unknown> = {}
  try {
    if (contentType?.includes('application/x-www-form-urlencoded')) fields = Object.fromEntries(new URLSearchParams(text))
    else fields = JSON.parse(text) as Record<string, unknown>
  } catch {
    return null
  }
  const variables = (fields?.variables ?? {}) as Record<string, unknown>
  const inline = typeof fields?.query === 'string' ? /email\s*:\s*"([^"]+)"/.exec(fields.query)?.[1] : undefined
  const account = field ? fields?.[field] : (fields?.email ?? fields?.username ?? variables.email ?? variables.username ?? inline)
  return typeof account === 'string' && account.trim() ? account.trim().toLowerCase() : null
}

const LIMIT_OF: Record<LimitBucket, keyof Limits> = {
  login: 'RATE_LIMIT_LOGIN',
  checkout: 'RATE_LIMIT_CHECKOUT',
  quote: 'RATE_LIMIT_QUOTE',
  register: 'RATE_LIMIT_REGISTER',
  lookup: 'RATE_LIMIT_LOOKUP',
}

/**
 * Counts the attempt by address (and account) and sets RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (seconds
 * until the window resets) from the tightest count; answers 429 with Retry-After and returns false when over.
 */
export async function enforceLimit(
  limiter: RateLimiter,
  limits: Limits,
  rule: LimitRule,
  ip: string,
  account: string | null,
  res: ServerResponse,
): Promise<boolean> {
  const limit = limits[LIMIT_OF[rule.bucket]]
  const window = limits.RATE_LIMIT_WINDOW_SECONDS
  const checks = [limiter.hit(`${rule.bucket}:ip`, ip, limit, window, rule.cost ?? 1)]
  if (rule.perAccount && account) checks.push(limiter.hit(`${rule.bucket}:account`, account, limit, window, rule.cost ?? 1))
  const results = await Promise.all(checks)
  const tightest = results.reduce((a, b) => (b.remaining < a.remaining || (b.remaining === a.remaining && b.retryAfterSeconds > a.retryAfterSeconds) ? b : a))
  res.setHeader('ratelimit-limit', String(limit))
  res.setHeader('ratelimit-remaining', String(tightest.remaining))
  res.setHeader('ratelimit-reset', String(tightest.retryAfterSeconds))
  const refused = results.filter((r) => !r.allowed)
  if (refused.length === 0) return true
  const retryAfter = Math.max(...refused.map((r) => r.retryAfterSeconds))
  if (rule.bucket === 'checkout') recordCheckoutRefusal('rate_limited')
  const message = `Too many ${rule.bucket} attempts; try again in ${retryAfter} s`
  const body = JSON.stringify({ error: { code: 'rate_limited', message }, errors: [{ message }] })
  res.writeHead(429, {
    'content-type': 'application/json',
    'retry-after': String(retryAfter),
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
  return false
}
