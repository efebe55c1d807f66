import type { Payload, Where } from 'payload'
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
  /** How long a job's lease lasts unless extended; also how long a job must sit marked running to count as orphaned. */
  leaseMs?: number
  /** Batches this runner runs at once, each on its own leased jobs. */
  concurrency?: number
}

const LEASE_MS = 60_000

/** What Payload's runner picks up: not done, not failed for good, not running, not waiting. */
function runnableWhere(): Where {
  return {
    and: [
      { completedAt: { exists: false } },
      { hasError: { not_equals: true } },
      { processing: { equals: false } },
      { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: new Date().toISOString() } }] },
    ],
  }
}

/** The ids of up to `limit` runnable jobs, oldest first (the order Payload runs them in). */
export async function runnableJobIds(payload: Payload, limit: number): Promise<(number | string)[]> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    overrideAccess: true,
    where: runnableWhere(),
    sort: 'createdAt',
    limit,
    pagination: false,
    depth: 0,
    select: {},
  })
  return docs.map((doc) => doc.id)
}

const jobLockName = (id: number | string) => `jobs:job:${id}`

/**
 * Hands jobs a dead runner left marked as running back to the queue. A job still marked running a lease's length after
 * its last write, whose lease nobody holds, was in the hands of a runner that died (kill -9, a lost machine): Payload
 * never clears the mark itself. A job whose lease is held (a slow one, still running) is left alone.
 */
export async function releaseOrphanedJobs(payload: Payload, lock: Lock, now = Date.now(), orphanedAfterMs = LEASE_MS): Promise<number> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    overrideAccess: true,
    where: {
      and: [{ processing: { equals: true } }, { completedAt: { exists: false } }, { updatedAt: { less_than: new Date(now - orphanedAfterMs).toISOString() } }],
    },
    limit: 100,
    pagination: false,
    depth: 0,
    select: {},
  })
  let released = 0
  for (const { id } of docs) {
    const lease = await lock.acquire(jobLockName(id), orphanedAfterMs)
    if (!lease) continue
    try {
      await payload.update({ collection: 'payload-jobs', id, overrideAccess: true, data: { processing: false } })
      released++
    } finally {
      await lease.release()
    }
  }
  return released
}

// Keeps the leases while a long batch (slow SMTP, many jobs) runs, so no other runner takes the same jobs.
function keepAlive(leases: Lease[], leaseMs: number): () => void {
  const timer = setInterval(() => leases.forEach((lease) => void lease.extend(leaseMs)), leaseMs / 3)
  timer.unref()
  return () => clearInterval(timer)
}

/** Leases on up to `limit` of the given jobs, in their order: the ones no other runner holds. */
async function claim(lock: Lock, ids: (number | string)[], limit: number, leaseMs: number): Promise<{ id: number | string; lease: Lease }[]> {
  const held: { id: number | string; lease: Lease }[] = []
  // One at a time, so a sibling asking at the same moment finds the rest free.
  for (const id of ids) {
    if (held.length >= limit) break
    const lease = await lock.acquire(jobLockName(id), leaseMs)
    if (lease) held.push({ id, lease })
  }
  return held
}

/**
 * Runs Payload's jobs queue (every queue) until stopped. Payload claims jobs with a read then a write, so two runners
 * could take the same job: each job is leased first (Redis, or this process without it), and Payload is asked to run
 * only the leased ones. So any number of runners, in this process (`concurrency`) and in other workers, share the queue,
 * each job run by one at a time. stop() lets the batches in hand finish.
 */
export function startJobsRunner({ payload, lock, logger, pollMs, batch, leaseMs = LEASE_MS, concurrency = 1 }: Options): JobsRunner {
  let stopping = false
  const wakers = new Set<() => void>()
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        wakers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      wakers.add(wake)
    })

  let orphansCheckedAt = Date.now()
  async function releaseOrphans(): Promise<void> {
    if (Date.now() - orphansCheckedAt < leaseMs / 2) return
    orphansCheckedAt = Date.now()
    const released = await releaseOrphanedJobs(payload, lock, Date.now(), leaseMs)
    if (released > 0) logger.warn({ released }, 'Jobs left running by a stopped runner are queued again')
  }

  async function runOnce(): Promise<boolean> {
    await releaseOrphans()
    // A read first: on SQLite an empty run would still open a write transaction every poll. More than one batch, so a
    // runner still finds work when its siblings (or other workers) hold the oldest jobs.
    const candidates = await runnableJobIds(payload, batch * (concurrency + 1))
    if (candidates.length === 0) return false
    const claimed = await claim(lock, candidates, batch, leaseMs)
    if (claimed.length === 0) return false
    const stopKeepAlive = keepAlive(
      claimed.map((c) => c.lease),
      leaseMs,
    )
    try {
      const result = await payload.jobs.run({ allQueues: true, limit: claimed.length, where: { id: { in: claimed.map((c) => c.id) } } })
      const ran = Object.keys(result.jobStatus ?? {}).length
      if (ran > 0) logger.debug({ ran, remaining: result.remainingJobsFromQueried }, 'Ran queued jobs')
      // Straight on when the batch was full or other runnable jobs were left (held by another runner, or beyond it).
      return ran >= batch || (ran > 0 && candidates.length > claimed.length)
    } finally {
      stopKeepAlive()
      await Promise.all(claimed.map((c) => c.lease.release()))
    }
  }

  markJobsRunnerActive(true)
  const loop = async () => {
    while (!stopping) {
      let more = false
      try {
        more = await runOnce()
      } catch (err) {
        logger.error({ err }, 'The jobs queue run failed; retrying after a pause')
      }
      if (!more && !stopping) await pause(pollMs)
    }
  }
  const loops = Promise.all(Array.from({ length: Math.max(1, concurrency) }, loop))

  return {
    async stop() {
      stopping = true
      for (const wake of [...wakers]) wake()
      await loops
      markJobsRunnerActive(false)
    },
  }
}
