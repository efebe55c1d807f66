import { mkdir, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Redis } from 'ioredis'
import type { Payload } from 'payload'

import { recordReadiness, type ReadinessCheck } from './metrics'
import { queryRows, sql } from './sql'

export type CheckResult = { status: 'up' | 'down' | 'skipped'; ms: number; error?: string }
export type Readiness = { status: 'ok' | 'unavailable'; checks: Record<ReadinessCheck, CheckResult> }

type Options = {
  payload: () => Payload | undefined
  redis: Redis | null
  mediaDir: string
  /** Replaces the folder probe when media live elsewhere (the S3 bucket: src/infra/mediaStorage.ts). */
  mediaCheck?: () => Promise<void>
  /** Names of the committed migrations, or null when the database is pushed (development, tests). */
  expectedMigrations: string[] | null
  timeoutMs?: number
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

async function run(check: () => Promise<'up' | 'skipped'>, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now()
  try {
    const status = await withTimeout(check(), timeoutMs)
    return { status, ms: Math.round(performance.now() - started) }
  } catch (err) {
    return { status: 'down', ms: Math.round(performance.now() - started), error: (err as Error).message }
  }
}

/** Readiness: each dependency the CMS needs to serve, checked with a timeout; also sets readiness_check_up. */
export function createReadinessCheck(options: Options): () => Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 2000
  const loaded = () => {
    const payload = options.payload()
    if (!payload) throw new Error('Payload is still starting')
    return payload
  }
  const checks: Record<ReadinessCheck, () => Promise<'up' | 'skipped'>> = {
    async database() {
      await queryRows(loaded(), undefined, sql`SELECT 1 AS ok`)
      return 'up'
    },
    async redis() {
      if (!options.redis) return 'skipped'
      await options.redis.ping()
      return 'up'
    },
    async migrations() {
      if (!options.expectedMigrations) return 'skipped'
      const applied = await loaded().find({ collection: 'payload-migrations', limit: 0, pagination: false, depth: 0 })
      const names = new Set(applied.docs.map((d) => String((d as { name?: string }).name)))
      const missing = options.expectedMigrations.filter((name) => !names.has(name))
      if (missing.length > 0) throw new Error(`not applied: ${missing.join(', ')}`)
      return 'up'
    },
    async media() {
      if (options.mediaCheck) {
        await options.mediaCheck()
        return 'up'
      }
      /* eslint-disable security/detect-non-literal-fs-filename -- mediaDir is the configured upload folder, not a request value */
      await mkdir(options.mediaDir, { recursive: true })
      const probe = path.join(options.mediaDir, `.ready-${process.pid}`)
      await writeFile(probe, 'ok')
      await unlink(probe)
      /* eslint-enable security/detect-non-literal-fs-filename */
      return 'up'
    },
  }
  return async () => {
    const names = Object.keys(checks) as ReadinessCheck[]
    const results = await Promise.all(names.map((name) => run(checks[name], timeoutMs)))
    const out = Object.fromEntries(names.map((name, i) => [name, results[i]])) as Readiness['checks']
    for (const name of names) if (out[name].status !== 'skipped') recordReadiness(name, out[name].status === 'up')
    return { status: results.some((r) => r.status === 'down') ? 'unavailable' : 'ok', checks: out }
  }
}
