import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { isIP } from 'node:net'
import path from 'node:path'
import { z } from 'zod'

// The one place that reads process.env; everything else receives `env`.

const appEnvs = ['development', 'staging', 'production'] as const
export type AppEnv = (typeof appEnvs)[number]

const WEAK_SECRETS = new Set(['', 'secret', 'changeme', 'change-me', 'payload', 'development-secret'])

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)))

/** A comma-separated list whose every entry passes `valid`; the first that does not is named in the error. */
const commaList = (valid: (entry: string) => boolean, message: string) =>
  z
    .string()
    .default('')
    .transform((v, ctx) => {
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
      const bad = list.find((entry) => !valid(entry))
      if (bad === undefined) return list
      ctx.addIssue({ code: 'custom', message: `${message}, got "${bad}"` })
      return z.NEVER
    })

const int = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback
      const n = Number(v)
      if (!Number.isInteger(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number, got "${v}"` })
        return z.NEVER
      }
      return n
    })

const schema = z.object({
  APP_ENV: z.enum(appEnvs).default('development'),
  CMS_PORT: int(8000),
  STOREFRONT_PORT: int(3000),
  CMS_URL: z.string().url().optional(),
  STOREFRONT_URL: z.string().url().optional(),
  PAYLOAD_SECRET: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  DB_PUSH: bool(false),
  DB_POOL_MAX: int(10),
  DB_STATEMENT_TIMEOUT_MS: int(15000),
  REDIS_URL: z.string().optional(),
  REDIS_KEY_PREFIX: z.string().default('ir:'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Ipswich Retail <shop@ipswich-retail.test>'),
  PAYMENT_METHODS: z.string().default('manual,test-card'),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters (the staff password policy, docs/security/addresses-and-accounts.md)').optional(),
  REVALIDATE_SECRET: z.string().optional(),
  METRICS_TOKEN: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  EMAIL_VERIFICATION: bool(false),
  DATA_DIR: z.string().default('data'),
  MEDIA_DIR: z.string().default('media'),
  // Media in S3-compatible storage (AWS S3, MinIO, R2 …) when S3_BUCKET is set, so every CMS instance serves every file.
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool(false),
  MAX_UPLOAD_BYTES: int(5 * 1024 * 1024),
  // The request guard (src/guard) refuses larger JSON/form bodies with 413; the server cuts a request off after REQUEST_TIMEOUT_MS.
  MAX_BODY_BYTES: int(1024 * 1024),
  REQUEST_TIMEOUT_MS: int(30000),
  RUN_JOBS_IN_PROCESS: bool(true),
  JOB_RETRY_ATTEMPTS: int(8),
  JOB_RETRY_DELAY_MS: int(5000),
  RATE_LIMIT_LOGIN: int(10),
  RATE_LIMIT_CHECKOUT: int(30),
  RATE_LIMIT_QUOTE: int(120),
  RATE_LIMIT_REGISTER: int(10),
  RATE_LIMIT_LOOKUP: int(20),
  RATE_LIMIT_WINDOW_SECONDS: int(60),
  // HTTP manners (README "HTTP behaviour"): ?limit= and ?depth= above these are refused 400; browser origins besides the CMS and storefront.
  API_MAX_LIMIT: int(100),
  // The larger page staff and API keys may ask for (the admin panel asks up to limit=250; docs/integrators.md).
  API_MAX_LIMIT_STAFF: int(250),
  API_MAX_DEPTH: int(3),
  CORS_ORIGINS: commaList(
    (origin) => URL.canParse(origin) && new URL(origin).origin === origin.replace(/\/+$/, ''),
    'must be origins like https://app.example.com separated by commas',
  ).transform((list) => list.map((origin) => new URL(origin).origin)),
  // Operations (src/server, src/jobs): read cache, proxies, scheduler, shutdown.
  CACHE_ENABLED: bool(true),
  // With the cache on, cache hits are answered by a thread of their own on CMS_PORT (src/server/edge); false: the CMS's own thread.
  EDGE_ENABLED: bool(true),
  // The catalogue read model (docs/performance.md): anonymous product listings and slug reads answered without Payload.
  READ_MODEL_ENABLED: bool(true),
  // false: products are rendered only when first read, not all in the background at start (a very large catalogue).
  READ_MODEL_BACKFILL: bool(true),
  CACHE_MEMORY_MAX_BYTES: int(64 * 1024 * 1024),
  CACHE_REDIS_TTL_SECONDS: int(3600),
  CACHE_VERSION_REFRESH_MS: int(5000),
  // Proxies whose X-Forwarded-For hop is believed (CIDR list, e.g. "10.0.0.0/8,127.0.0.1/32"); empty: the socket's address.
  TRUSTED_PROXIES: commaList(isCidr, 'must be addresses or CIDR ranges like 10.0.0.0/8 separated by commas'),
  // Shared with the storefront: signs the shopper's address it forwards (src/infra/clientAddress.ts).
  CLIENT_ADDRESS_SECRET: z.string().optional(),
  SHUTDOWN_TIMEOUT_MS: int(15000),
  WORKER_POLL_MS: int(2000),
  WORKER_BATCH: int(20),
  // Batches one worker runs at once, each on its own leased jobs (src/jobs/runner.ts).
  WORKER_CONCURRENCY: int(2),
  // Each job's lease; a job left marked running this long by a runner that died is queued again.
  WORKER_LEASE_MS: int(60_000),
  WORKER_METRICS_PORT: int(0),
  SCHEDULE_RESERVATION_EXPIRY: z.string().default('* * * * *'),
  SCHEDULE_LOW_STOCK_DIGEST: z.string().default('0 7 * * *'),
  SCHEDULE_IDEMPOTENCY_CLEANUP: z.string().default('17 * * * *'),
  SCHEDULE_CART_CLEANUP: z.string().default('40 3 * * *'),
  SCHEDULE_TIMEZONE: z.string().default('Europe/London'),
  IDEMPOTENCY_KEY_TTL_HOURS: int(24),
  CART_STALE_DAYS: int(30),
  // Outbound webhooks (docs/webhooks.md): retries wait DELAY, 4×DELAY, 16×DELAY … capped at MAX_DELAY.
  // Unset: allowed in development only (tests on 127.0.0.1 set it to true).
  WEBHOOK_ALLOW_PRIVATE_URLS: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? undefined : ['true', '1', 'yes'].includes(v))),
  WEBHOOK_MAX_ATTEMPTS: int(6),
  WEBHOOK_RETRY_DELAY_MS: int(30_000),
  WEBHOOK_RETRY_MAX_DELAY_MS: int(3_600_000),
  WEBHOOK_TIMEOUT_MS: int(10_000),
  WEBHOOK_DISABLE_AFTER_FAILURES: int(5),
  // Errors and contract (docs/errors.md, docs/openapi.md): stack traces only when APP_ENV=development and DEBUG_ERRORS=true.
  DEBUG_ERRORS: bool(false),
  // JSON request bodies nested deeper than this are refused with 400 before they are parsed.
  MAX_JSON_DEPTH: int(64),
  // GraphQL introspection is on in development; this turns it on in staging and production too.
  GRAPHQL_INTROSPECTION: bool(false),
  // Admins must enrol in two-factor before anything else: always in staging and production, by this in development.
  REQUIRE_ADMIN_TWO_FACTOR: bool(false),
})

export type Env = z.infer<typeof schema> & {
  strict: boolean
  /** Stack traces and internal messages in error bodies: APP_ENV=development and DEBUG_ERRORS=true. */
  debugErrors: boolean
  /** GraphQL `__schema` queries: always in development, by GRAPHQL_INTROSPECTION elsewhere. */
  graphqlIntrospection: boolean
  cmsUrl: string
  storefrontUrl: string
  payloadSecret: string
  /** Shared with the storefront: signs the CMS's `POST <storefront>/api/revalidate` calls. */
  revalidateSecret: string
  /** Shared with the storefront: signs the shopper's address in the `x-ipswich-client` header. */
  clientAddressSecret: string
  database: { kind: 'postgres'; url: string } | { kind: 'sqlite'; url: string }
  paymentMethods: string[]
  /** Webhook URLs may point at private, loopback or link-local addresses: on in development unless switched off. */
  webhookAllowPrivateUrls: boolean
  /** Admins must have TOTP: always when strict, by REQUIRE_ADMIN_TWO_FACTOR in development. */
  adminTwoFactorRequired: boolean
}

/** An IPv4/IPv6 address, optionally with a /prefix. */
function isCidr(value: string): boolean {
  const [address, prefix, extra] = value.split('/')
  const family = isIP(address ?? '')
  if (!family || extra !== undefined) return false
  if (prefix === undefined) return true
  const bits = Number(prefix)
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128)
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export function resolveDatabase(url: string | undefined, dataDir: string): Env['database'] {
  if (!url || url.trim() === '') {
    return { kind: 'sqlite', url: `file:${path.resolve(dataDir, 'ipswich.db')}` }
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url }
  if (/^file:/i.test(url)) return { kind: 'sqlite', url }
  const scheme = url.includes(':') ? url.slice(0, url.indexOf(':')) : url
  throw new ConfigError(
    `DATABASE_URL has an unsupported scheme "${scheme}": use postgres://… or postgresql://… for PostgreSQL, or file:… (or leave it unset) for the embedded SQLite database`,
  )
}

// In development a missing secret is generated once and kept under data/ so sessions survive restarts (and
// scripts/start.mjs can hand the same revalidation secret to the storefront).
function developmentSecret(dataDir: string, name: 'payload-secret' | 'revalidate-secret' | 'client-address-secret' = 'payload-secret'): string {
  const file = path.resolve(dataDir, name)
  /* eslint-disable security/detect-non-literal-fs-filename -- dataDir is the app's own data folder (configuration, not a request) */
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  /* eslint-enable security/detect-non-literal-fs-filename */
  return secret
}

export function isStrongSecret(secret: string | undefined): boolean {
  return !!secret && secret.length >= 32 && !WEAK_SECRETS.has(secret.toLowerCase())
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid environment:\n  ${lines.join('\n  ')}`)
  }
  const raw = parsed.data
  const strict = raw.APP_ENV !== 'development'
  if (strict && !isStrongSecret(raw.PAYLOAD_SECRET)) {
    throw new ConfigError(`PAYLOAD_SECRET must be set to a strong value (at least 32 characters, not a default) when APP_ENV is ${raw.APP_ENV}`)
  }
  if (strict && !isStrongSecret(raw.REVALIDATE_SECRET)) {
    throw new ConfigError(
      `REVALIDATE_SECRET must be set to a strong value (at least 32 characters, not a default) when APP_ENV is ${raw.APP_ENV}; give the storefront the same value`,
    )
  }
  if (strict && !isStrongSecret(raw.CLIENT_ADDRESS_SECRET)) {
    throw new ConfigError(
      `CLIENT_ADDRESS_SECRET must be set to a strong value (at least 32 characters, not a default) when APP_ENV is ${raw.APP_ENV}; give the storefront the same value`,
    )
  }
  // /metrics carries revenue and order counts, readiness names each dependency: both need the token outside development.
  if (strict && !isStrongSecret(raw.METRICS_TOKEN)) {
    throw new ConfigError(
      `METRICS_TOKEN must be set to a strong value (at least 32 characters, not a default) when APP_ENV is ${raw.APP_ENV}: /metrics and the readiness detail answer only to it; give Prometheus (and the storefront) the same value`,
    )
  }
  const paymentMethods = raw.PAYMENT_METHODS.split(',')
    .map((m) => m.trim())
    .filter(Boolean)
  if (strict && paymentMethods.includes('test-card')) {
    throw new ConfigError(`PAYMENT_METHODS includes "test-card", which is refused when APP_ENV is ${raw.APP_ENV}: remove it`)
  }
  return {
    ...raw,
    strict,
    debugErrors: raw.APP_ENV === 'development' && raw.DEBUG_ERRORS,
    graphqlIntrospection: raw.APP_ENV === 'development' || raw.GRAPHQL_INTROSPECTION,
    cmsUrl: raw.CMS_URL ?? `http://localhost:${raw.CMS_PORT}`,
    storefrontUrl: raw.STOREFRONT_URL ?? `http://localhost:${raw.STOREFRONT_PORT}`,
    payloadSecret: raw.PAYLOAD_SECRET || developmentSecret(raw.DATA_DIR),
    revalidateSecret: raw.REVALIDATE_SECRET || developmentSecret(raw.DATA_DIR, 'revalidate-secret'),
    clientAddressSecret: raw.CLIENT_ADDRESS_SECRET || developmentSecret(raw.DATA_DIR, 'client-address-secret'),
    database: resolveDatabase(raw.DATABASE_URL, raw.DATA_DIR),
    paymentMethods,
    webhookAllowPrivateUrls: raw.WEBHOOK_ALLOW_PRIVATE_URLS ?? !strict,
    adminTwoFactorRequired: strict || raw.REQUIRE_ADMIN_TWO_FACTOR,
  }
}

let cached: Env | undefined
export function env(): Env {
  cached ??= loadEnv()
  return cached
}

// Payload throttles reset requests with a write outside the request's transaction; on SQLite that write waits on
// the transaction's own lock and fails, so there the server's rate limits do the throttling instead.
export function forgotPasswordInterval(): number {
  return env().database.kind === 'sqlite' ? 0 : 15_000
}
