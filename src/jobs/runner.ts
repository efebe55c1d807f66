import type { Payload } from 'payload'
import type { Logger } from 'pino'

import type { Lease, Lock } from '../infra/lock'
import { markJobsRunnerActive } from './runnerFlag'

export type JobsRunner = { stop(): Promise<void> }

type Options = {
  payload: Payload
  lock: Lock
  logger: Logger
  pollMs: number
  batch: number
  /** How long the runner's lease lasts unless extended; also how long a job must sit marked running to count as orphaned. */
  leaseMs?: number
}

const LEASE_MS = 60_000

/** Jobs Payload's runner would pick up now: not done, not failed for good, not running, not waiting. */
export async function hasRunnableJobs(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    overrideAccess: true,
    where: {
      and: [
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { processing: { equals: false } },
        { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: new Date().toISOString() } }] },
      ],
    },
  })
  return totalDocs > 0
}

/** Hands jobs a dead runner left marked as running back to the queue; only called while holding the lease. */
// A job still marked running a lease's length after its last write, while nobody holds the lease, was in the hands of
// a runner that died (kill -9, a lost machine): Payload never clears the mark itself.
export async function releaseOrphanedJobs(payload: Payload, now = Date.now(), orphanedAfterMs = LEASE_MS): Promise<number> {
  const { docs } = await payload.update({
    collection: 'payload-jobs',
    overrideAccess: true,
    where: {
      and: [{ processing: { equals: true } }, { completedAt: { exists: false } }, { updatedAt: { less_than: new Date(now - orphanedAfterMs).toISOString() } }],
    },
    data: { processing: false },
  })
  return docs.length
}

// Keeps the lease while a long batch (slow SMTP, many jobs) runs, so no other worker claims the same jobs.
function keepAlive(lease: Lease, leaseMs: number): () => void {
  const timer = setInterval(() => void lease.extend(leaseMs), leaseMs / 3)
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * Runs Payload's jobs queue (every queue) until stopped. Payload claims jobs with a read then a write, so
 * two runners could take the same job: one lease across all workers (Redis, or this process without it)
 * lets one batch run at a time. stop() lets the batch in hand finish.
 */
export function startJobsRunner({ payload, lock, logger, pollMs, batch, leaseMs = LEASE_MS }: Options): JobsRunner {
  let stopping = false
  let wake: () => void = () => {}
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  let orphansCheckedAt = Date.now()
  async function releaseOrphans(): Promise<void> {
    if (Date.now() - orphansCheckedAt < leaseMs / 2) return
    orphansCheckedAt = Date.now()
    const lease = await lock.acquire('jobs:run', leaseMs)
    if (!lease) return
    try {
      const released = await releaseOrphanedJobs(payload, Date.now(), leaseMs)
      if (released > 0) logger.warn({ released }, 'Jobs left running by a stopped runner are queued again')
    } finally {
      await lease.release()
    }
  }

  async function runOnce(): Promise<boolean> {
    await releaseOrphans()
    // A read first: on SQLite an empty run would still open a write transaction every poll.
    if (!(await hasRunnableJobs(payload))) return false
    const lease = await lock.acquire('jobs:run', leaseMs)
    if (!lease) return false
    const stopKeepAlive = keepAlive(lease, leaseMs)
    try {
      const result = await payload.jobs.run({ allQueues: true, limit: batch })
      const ran = Object.keys(result.jobStatus ?? {}).length
      if (ran > 0) logger.debug({ ran, remaining: result.remainingJobsFromQueried }, 'Ran queued jobs')
      return ran >= batch
    } finally {
      stopKeepAlive()
      await lease.release()
    }
  }

  markJobsRunnerActive(true)
  const loop = (async () => {
    while (!stopping) {
      let more = false
      try {
        more = await runOnce()
      } catch (err) {
        logger.error({ err }, 'The jobs queue run failed; retrying after a pause')
      }
      if (!more && !stopping) await pause(pollMs)
    }
  })()

  return {
    async stop() {
      stopping = true
      wake()
      await loop
      markJobsRunnerActive(false)
    },
  }
}
