import type { Payload } from 'payload'

import { env, type Env } from '../infra/env'
import { processLock, type Lock } from '../infra/lock'
import { logger } from '../infra/logger'
import { closeRedis } from '../infra/redis'
import { isEntryPoint, loadPayload, serveProcessMetrics, stopOnSignal } from './process'
import { startJobsRunner } from './runner'

export type WorkerSettings = Pick<Env, 'WORKER_POLL_MS' | 'WORKER_BATCH' | 'WORKER_METRICS_PORT' | 'METRICS_TOKEN'> &
  Partial<Pick<Env, 'WORKER_LEASE_MS' | 'WORKER_CONCURRENCY'>>

/** The worker process's parts: the jobs runner and its /metrics listener; stop() ends both and closes Redis. */
export function startWorker(payload: Payload, settings: WorkerSettings, lock: Lock = processLock()): { stop(): Promise<void> } {
  const runner = startJobsRunner({
    payload,
    lock,
    logger: logger(),
    pollMs: settings.WORKER_POLL_MS,
    batch: settings.WORKER_BATCH,
    leaseMs: settings.WORKER_LEASE_MS,
    concurrency: settings.WORKER_CONCURRENCY,
  })
  const metricsServer = serveProcessMetrics(settings.WORKER_METRICS_PORT, settings.METRICS_TOKEN)
  logger().info(
    { pollMs: settings.WORKER_POLL_MS, batch: settings.WORKER_BATCH, concurrency: settings.WORKER_CONCURRENCY ?? 1 },
    'Worker running the jobs queue',
  )
  return {
    async stop() {
      metricsServer?.close()
      await runner.stop()
      await closeRedis()
    },
  }
}

// `npm run worker`: runs every queued Payload job (emails, reservation expiry, clean-ups) until SIGTERM.
if (isEntryPoint(import.meta.url)) {
  const settings = env()
  const payload = await loadPayload()
  const worker = startWorker(payload, settings)
  stopOnSignal('worker', worker.stop, payload, settings.SHUTDOWN_TIMEOUT_MS)
}
