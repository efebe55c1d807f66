import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload, Plugin, SanitizedConfig } from 'payload'

import { createTestDatabase } from './services'

type PoolLike = { on(event: 'error', fn: () => void): void; end(): Promise<void> }

const withTimeout = (work: Promise<unknown> | undefined, ms: number) =>
  Promise.race([Promise.resolve(work).catch(() => {}), new Promise((resolve) => setTimeout(resolve, ms).unref())])

export type TestPayload = { payload: Payload; dataDir: string; databaseUrl: string; close: () => Promise<void> }

/**
 * Boots Payload on a throw-away database: a fresh SQLite file, or a fresh Postgres database when TEST_DATABASE_URL is set.
 * `plugins` replaces plugins/index.ts's list (given as a function, so it reads the environment set here).
 */
export async function bootPayload(extraEnv: Record<string, string> = {}, options: { plugins?: () => Plugin[] | Promise<Plugin[]> } = {}): Promise<TestPayload> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ir-test-'))
  const database = process.env.TEST_DATABASE_URL
    ? await createTestDatabase(process.env.TEST_DATABASE_URL)
    : { url: `file:${path.join(dataDir, 'test.db')}`, drop: async () => {} }
  Object.assign(process.env, {
    APP_ENV: 'development',
    DATABASE_URL: database.url,
    DB_PUSH: 'true',
    DATA_DIR: dataDir,
    MEDIA_DIR: path.join(dataDir, 'media'),
    PAYLOAD_SECRET: 'integration-tests-secret-0123456789abcdef',
    // Staging and production refuse to start without it (src/infra/env.ts).
    REVALIDATE_SECRET: 'integration-tests-revalidate-0123456789abcdef',
    CLIENT_ADDRESS_SECRET: 'integration-tests-client-address-0123456789abcdef',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    RATE_LIMIT_LOGIN: '100000',
    RATE_LIMIT_CHECKOUT: '100000',
    RATE_LIMIT_QUOTE: '100000',
    RATE_LIMIT_REGISTER: '100000',
    RATE_LIMIT_LOOKUP: '100000',
    PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true',
    RUN_JOBS_IN_PROCESS: 'false',
    JOB_RETRY_DELAY_MS: '200',
    // Staging and production refuse to start without a metrics token; with one set, /metrics asks every scrape for it.
    ...(['staging', 'production'].includes(extraEnv.APP_ENV ?? '') ? { METRICS_TOKEN: 'integration-tests-metrics-0123456789abcdef' } : {}),
    ...extraEnv,
  })
  const { getPayload } = await import('payload')
  const appConfig = await import('../../payload.config')
  const config: Promise<SanitizedConfig> = options.plugins ? appConfig.buildAppConfig(await options.plugins()) : appConfig.default
  const payload = await getPayload({ config })
  return {
    payload,
    dataDir,
    databaseUrl: database.url,
    close: async () => {
      const pool = (payload.db as unknown as { pool?: PoolLike }).pool
      // Dropping the database ends the pool's connections; their error events are expected then.
      pool?.on('error', () => {})
      await withTimeout(payload.destroy(), 5000)
      await withTimeout(pool?.end(), 5000)
      await database.drop().catch(() => {})
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
