import cron, { type ScheduledTask } from 'node-cron'
import type { Payload } from 'payload'
import type { Logger } from 'pino'

import { env, type Env } from '../infra/env'
import { processLock, type Lock } from '../infra/lock'
import { logger } from '../infra/logger'
import { closeRedis } from '../infra/redis'
import { isEntryPoint, loadPayload, serveProcessMetrics, stopOnSignal } from './process'
import { schedule, type ScheduledJob } from './schedule'

export type Enqueue = (task: string, input: Record<string, unknown>, tick: Date) => Promise<unknown>
export type Scheduler = { stop(): Promise<void> }

// A tick's claim outlives any clock skew between schedulers; it is never released, only expires.
const TICK_CLAIM_MS = 5 * 60_000

/**
 * Enqueues each scheduled job on its cron. Several schedulers may run (one per CMS in the embedded mode, or
 * spares): the first to claim a job's tick (SET NX in Redis, or this process's table) enqueues it.
 */
export function startScheduler(options: { jobs: ScheduledJob[]; lock: Lock; enqueue: Enqueue; logger: Logger; timezone?: string }): Scheduler {
  const { lock, enqueue, logger: log } = options
  const inFlight = new Set<Promise<void>>()
  const fire = async (job: ScheduledJob, date: Date) => {
    const tick = Math.floor(date.getTime() / 1000)
    const claim = await lock.acquire(`tick:${job.name}:${tick}`, TICK_CLAIM_MS)
    if (!claim) return
    await enqueue(job.task, job.input, new Date(tick * 1000))
    log.info({ job: job.name, task: job.task, tick: new Date(tick * 1000).toISOString() }, 'Scheduled job enqueued')
  }
  const tasks: ScheduledTask[] = options.jobs.map((job) =>
    cron.schedule(
      job.cron,
      (context) => {
        const running = fire(job, context.date).catch((err: unknown) => log.error({ err, job: job.name }, 'Scheduled job could not be enqueued'))
        inFlight.add(running)
        void running.finally(() => inFlight.delete(running))
      },
      { name: job.name, timezone: options.timezone, noOverlap: false },
    ),
  )
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()))
      await Promise.all(inFlight)
    },
  }
}

/** The scheduler process's parts: the cron table enqueuing into Payload's queue, and its /metrics listener. */
export function startSchedulerProcess(payload: Payload, settings: Env, lock: Lock = processLock()): Scheduler {
  const jobs = schedule(settings)
  const scheduler = startScheduler({
    jobs,
    lock,
    enqueue: (task, input) => payload.jobs.queue({ task: task as never, input: input as never }),
    logger: logger(),
    timezone: settings.SCHEDULE_TIMEZONE,
  })
  const metricsServer = serveProcessMetrics(settings.WORKER_METRICS_PORT, settings.METRICS_TOKEN)
  logger().info({ jobs: jobs.map((j) => `${j.name} ${j.cron}`) }, 'Scheduler running')
  return {
    async stop() {
      metricsServer?.close()
      await scheduler.stop()
      await closeRedis()
    },
  }
}

if (isEntryPoint(import.meta.url)) {
  const settings = env()
  const payload = await loadPayload()
  const scheduler = startSchedulerProcess(payload, settings)
  stopOnSignal('scheduler', scheduler.stop, payload, settings.SHUTDOWN_TIMEOUT_MS)
}
