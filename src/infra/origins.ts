import type { Env } from './env'

// The one list of browser origins the CMS trusts: Payload's CORS and CSRF lists, its serverURL and the server's
// refusal of other origins are all read from here.

export type OriginSettings = Pick<Env, 'strict' | 'CMS_PORT' | 'STOREFRONT_PORT' | 'CMS_URL' | 'STOREFRONT_URL'> & Partial<Pick<Env, 'CORS_ORIGINS'>>

export type AllowedOrigins = {
  /** Where the admin and the API may be used from with a session cookie. */
  cms: string[]
  /** The storefront's origins (customers' browsers call the API from there). */
  storefront: string[]
  /** Both, without repeats: Payload's `csrf` (session cookies are honoured only from these). */
  all: string[]
  /** `all` plus CORS_ORIGINS (integrators' browser apps, which send tokens, not cookies): Payload's `cors` and the server's preflight. */
  cors: string[]
  /** Payload's serverURL: empty in development, so the admin calls back to whichever address it was opened at. */
  serverURL: string
  /** The address to name when a request comes from elsewhere. */
  useInstead: string
  isAllowed: (origin: string) => boolean
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

const loopback = (port: number): string[] => LOOPBACK_HOSTS.map((host) => `http://${host}:${port}`)
const originOf = (url: string): string => new URL(url).origin
const unique = (list: string[]): string[] => [...new Set(list)]

/** Development: every loopback address on the configured ports (plus CMS_URL/STOREFRONT_URL when set); otherwise only those URLs. */
export function allowedOrigins(settings: OriginSettings): AllowedOrigins {
  const cmsUrl = settings.CMS_URL ?? `http://localhost:${settings.CMS_PORT}`
  const storefrontUrl = settings.STOREFRONT_URL ?? `http://localhost:${settings.STOREFRONT_PORT}`
  const cms = settings.strict ? [originOf(cmsUrl)] : unique([...loopback(settings.CMS_PORT), ...(settings.CMS_URL ? [originOf(settings.CMS_URL)] : [])])
  const storefront = settings.strict
    ? [originOf(storefrontUrl)]
    : unique([...loopback(settings.STOREFRONT_PORT), ...(settings.STOREFRONT_URL ? [originOf(settings.STOREFRONT_URL)] : [])])
  const all = unique([...cms, ...storefront])
  const cors = unique([...all, ...(settings.CORS_ORIGINS ?? [])])
  return {
    cms,
    storefront,
    all,
    cors,
    serverURL: settings.strict ? cmsUrl.replace(/\/+$/, '') : '',
    useInstead: settings.strict ? originOf(cmsUrl) : cms.join(', '),
    isAllowed: (origin) => cors.includes(origin),
  }
}

/** The message a browser request from an origin outside the list is answered with (403). */
export function originRefusalMessage(origins: Pick<AllowedOrigins, 'useInstead'>, origin: string): string {
  return `Requests from ${origin} are not accepted here: open the admin at ${origins.useInstead}`
}

/** Request headers a browser may send cross-origin besides Payload's own list: checkout's key, conditional reads, tracing. */
export const CORS_EXTRA_HEADERS = ['Idempotency-Key', 'If-None-Match', 'X-Request-Id']
/** Payload's list (payload/utilities/headersWithCors) and ours: what the server's preflight answers. */
export const CORS_ALLOWED_HEADERS = [
  'Origin',
  'X-Requested-With',
  'Content-Type',
  'Accept',
  'Authorization',
  'Content-Encoding',
  'x-apollo-tracing',
  'X-Payload-HTTP-Method-Override',
  ...CORS_EXTRA_HEADERS,
]
/** Response headers a browser script may read. */
export const CORS_EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'ETag', 'Idempotent-Replayed']
