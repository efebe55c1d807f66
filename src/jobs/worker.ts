import { env } from '../infra/env'
import { processLock } from '../infra/lock'
import { logger } from '../infra/logger'
import { closeRedis } from '../infra/redis'
import { isEntryPoint, loadPayload, serveProcessMetrics, stopOnSignal } from './process'
import { startJobsRunner } from './runner'

// `npm run worker`: runs every queued Payload job (emails, reservation expiry, clean-ups) until SIGTERM.
if (isEntryPoint(import.meta.url)) {
  const settings = env()
  const payload = await loadPayload()
  const runner = startJobsRunner({ payload, lock: processLock(), logger: logger(), pollMs: settings.WORKER_POLL_MS, batch: settings.WORKER_BATCH })
  const metricsServer = serveProcessMetrics(settings.WORKER_METRICS_PORT, settings.METRICS_TOKEN)
  logger().info({ pollMs: settings.WORKER_POLL_MS, batch: settings.WORKER_BATCH }, 'Worker running the jobs queue')
  stopOnSignal(
    'worker',
    async () => {
      metricsServer?.close()
      await runner.stop()
      await closeRedis()
    },
    payload,
    settings.SHUTDOWN_TIMEOUT_MS,
  )
}
