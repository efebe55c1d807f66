import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ConfigError, loadEnv, resolveDatabase } from './env'

const strong = 'x'.repeat(40)
const dataDir = () => mkdtempSync(path.join(tmpdir(), 'ir-env-'))

describe('resolveDatabase', () => {
  it('should choose SQLite under data/ when DATABASE_URL is unset', () => {
    expect(resolveDatabase(undefined, '/srv/data')).toEqual({ kind: 'sqlite', url: 'file:/srv/data/ipswich.db' })
  })

  it.each(['postgres://u@h/db', 'postgresql://u@h/db'])('should choose PostgreSQL for %s', (url) => {
    expect(resolveDatabase(url, 'data').kind).toBe('postgres')
  })

  it('should refuse an unknown scheme naming DATABASE_URL and the scheme', () => {
    expect(() => resolveDatabase('mysql://u@h/db', 'data')).toThrow(/DATABASE_URL has an unsupported scheme "mysql"/)
  })
})

describe('loadEnv', () => {
  it('should refuse to start in production without a strong PAYLOAD_SECRET', () => {
    expect(() => loadEnv({ APP_ENV: 'production', PAYLOAD_SECRET: 'secret', PAYMENT_METHODS: 'manual' })).toThrow(ConfigError)
  })

  it('should refuse test payments in staging', () => {
    expect(() =>
      loadEnv({
        APP_ENV: 'staging',
        PAYLOAD_SECRET: strong,
        REVALIDATE_SECRET: strong,
        CLIENT_ADDRESS_SECRET: strong,
        METRICS_TOKEN: strong,
        PAYMENT_METHODS: 'manual,test-card',
      }),
    ).toThrow(/test-card/)
  })

  it('should refuse to start in staging without a strong REVALIDATE_SECRET, naming it', () => {
    expect(() => loadEnv({ APP_ENV: 'staging', PAYLOAD_SECRET: strong, REVALIDATE_SECRET: 'changeme', PAYMENT_METHODS: 'manual' })).toThrow(
      /REVALIDATE_SECRET must be set to a strong value/,
    )
  })

  it('should refuse to start in staging without a strong CLIENT_ADDRESS_SECRET, naming it', () => {
    expect(() => loadEnv({ APP_ENV: 'staging', PAYLOAD_SECRET: strong, REVALIDATE_SECRET: strong, PAYMENT_METHODS: 'manual' })).toThrow(
      /CLIENT_ADDRESS_SECRET must be set to a strong value/,
    )
  })

  it('should generate CLIENT_ADDRESS_SECRET into the data folder in development, once', () => {
    const dir = dataDir()
    expect(loadEnv({ DATA_DIR: dir }).clientAddressSecret).toBe(loadEnv({ DATA_DIR: dir }).clientAddressSecret)
  })

  it('should refuse a TRUSTED_PROXIES entry that is not an address or CIDR range, naming it', () => {
    expect(() => loadEnv({ DATA_DIR: dataDir(), TRUSTED_PROXIES: '10.0.0.0/8,proxy.internal' })).toThrow(/TRUSTED_PROXIES.*proxy\.internal/)
  })

  it('should accept production with strong secrets and manual payment', () => {
    const env = loadEnv({
      APP_ENV: 'production',
      PAYLOAD_SECRET: strong,
      REVALIDATE_SECRET: strong,
      CLIENT_ADDRESS_SECRET: strong,
      METRICS_TOKEN: strong,
      PAYMENT_METHODS: 'manual',
      DATA_DIR: dataDir(),
    })
    expect([env.strict, env.paymentMethods]).toEqual([true, ['manual']])
  })

  it.each(['production', 'staging'])('should refuse to start in %s without a METRICS_TOKEN, naming it', (appEnv) => {
    expect(() =>
      loadEnv({ APP_ENV: appEnv, PAYLOAD_SECRET: strong, REVALIDATE_SECRET: strong, CLIENT_ADDRESS_SECRET: strong, PAYMENT_METHODS: 'manual' }),
    ).toThrow(/METRICS_TOKEN must be set to a strong value .* \/metrics and the readiness detail/)
  })

  it('should refuse a short METRICS_TOKEN in production', () => {
    expect(() =>
      loadEnv({
        APP_ENV: 'production',
        PAYLOAD_SECRET: strong,
        REVALIDATE_SECRET: strong,
        CLIENT_ADDRESS_SECRET: strong,
        METRICS_TOKEN: 'abc',
        PAYMENT_METHODS: 'manual',
      }),
    ).toThrow(/METRICS_TOKEN/)
  })

  it('should read CORS_ORIGINS as a list of origins and refuse a path or a non-URL, naming it', () => {
    const env = loadEnv({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173/', DATA_DIR: dataDir() })
    expect(env.CORS_ORIGINS).toEqual(['https://app.example.com', 'http://localhost:5173'])
    expect(() => loadEnv({ CORS_ORIGINS: 'https://app.example.com/shop', DATA_DIR: dataDir() })).toThrow(/CORS_ORIGINS: .*"https:\/\/app.example.com\/shop"/)
  })

  it('should generate a development secret once and keep it in the data folder', () => {
    const dir = dataDir()
    const first = loadEnv({ DATA_DIR: dir }).payloadSecret
    const second = loadEnv({ DATA_DIR: dir }).payloadSecret
    expect(second).toBe(first)
    expect(readFileSync(path.join(dir, 'payload-secret'), 'utf8')).toBe(first)
  })

  it('should generate a development revalidation secret once, apart from the Payload secret, in the data folder', () => {
    const dir = dataDir()
    const first = loadEnv({ DATA_DIR: dir })
    const second = loadEnv({ DATA_DIR: dir })
    expect([second.revalidateSecret, first.revalidateSecret === first.payloadSecret]).toEqual([first.revalidateSecret, false])
    expect(readFileSync(path.join(dir, 'revalidate-secret'), 'utf8')).toBe(first.revalidateSecret)
  })

  it('should use a REVALIDATE_SECRET that is set rather than generate one', () => {
    expect(loadEnv({ DATA_DIR: dataDir(), REVALIDATE_SECRET: 'given' }).revalidateSecret).toBe('given')
  })

  it('should allow private webhook URLs in development only, unless WEBHOOK_ALLOW_PRIVATE_URLS says otherwise', () => {
    const staging = {
      APP_ENV: 'staging',
      PAYLOAD_SECRET: strong,
      REVALIDATE_SECRET: strong,
      CLIENT_ADDRESS_SECRET: strong,
      METRICS_TOKEN: strong,
      PAYMENT_METHODS: 'manual',
      DATA_DIR: dataDir(),
    }
    expect(loadEnv({ DATA_DIR: dataDir() }).webhookAllowPrivateUrls).toBe(true)
    expect(loadEnv(staging).webhookAllowPrivateUrls).toBe(false)
    expect(loadEnv({ ...staging, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }).webhookAllowPrivateUrls).toBe(true)
    expect(loadEnv({ DATA_DIR: dataDir(), WEBHOOK_ALLOW_PRIVATE_URLS: 'false' }).webhookAllowPrivateUrls).toBe(false)
  })

  it('should name a malformed variable', () => {
    expect(() => loadEnv({ CMS_PORT: 'eighty' })).toThrow(/CMS_PORT/)
  })
})

describe('debugErrors and graphqlIntrospection', () => {
  const production = {
    APP_ENV: 'production',
    PAYLOAD_SECRET: strong,
    REVALIDATE_SECRET: strong,
    CLIENT_ADDRESS_SECRET: strong,
    METRICS_TOKEN: strong,
    PAYMENT_METHODS: 'manual',
  }

  it('should show stack traces only with APP_ENV=development and DEBUG_ERRORS=true', () => {
    expect(loadEnv({ DATA_DIR: dataDir(), DEBUG_ERRORS: 'true' }).debugErrors).toBe(true)
    expect(loadEnv({ DATA_DIR: dataDir() }).debugErrors).toBe(false)
    expect(loadEnv({ ...production, DEBUG_ERRORS: 'true' }).debugErrors).toBe(false)
  })

  it('should allow introspection in development, and elsewhere only with GRAPHQL_INTROSPECTION=true', () => {
    expect(loadEnv({ DATA_DIR: dataDir() }).graphqlIntrospection).toBe(true)
    expect(loadEnv(production).graphqlIntrospection).toBe(false)
    expect(loadEnv({ ...production, GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(true)
  })
})
