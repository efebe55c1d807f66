import type { Payload } from 'payload'
import type { Logger } from 'pino'

import { memoryLock, type Lock } from '../infra/lock'
import { startJobsRunner } from './runner'
import { jobsRunnerActive } from './runnerFlag'

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5))
}

/** Records what the runner logs at error level. */
function fakeLogger() {
  const errors: string[] = []
  return { errors, logger: { debug: () => undefined, error: (_obj: unknown, message: string) => void errors.push(message) } as unknown as Logger }
}

type Run = { allQueues?: boolean; limit?: number; where?: { id: { in: number[] } } }

/** A Payload stand-in: `runnable` is how many jobs (ids 1…n) it finds runnable, each run reports `ran` jobs done. */
function fakePayload(options: { runnable: () => number; ran?: number }) {
  const runs: Run[] = []
  const payload = {
    find: async (args: { limit: number; where: { and: { processing?: unknown }[] } }) => {
      // The orphan check asks for jobs marked running: none here.
      if (args.where.and.some((w) => JSON.stringify(w) === '{"processing":{"equals":true}}')) return { docs: [] }
      return { docs: Array.from({ length: Math.min(args.limit, options.runnable()) }, (_, i) => ({ id: i + 1 })) }
    },
    jobs: {
      run: async (args: Run) => {
        runs.push(args)
        // A real run waits on the database; without a pause here back-to-back batches would starve the timers.
        await new Promise((resolve) => setTimeout(resolve, 1))
        return { jobStatus: Object.fromEntries(Array.from({ length: options.ran ?? 1 }, (_, i) => [i, { status: 'success' }])), remainingJobsFromQueried: 0 }
      },
    },
  }
  return { runs, payload: payload as unknown as Payload }
}

const noLease: Lock = { acquire: async () => null }

describe('startJobsRunner', () => {
  it('should run every queue in batches while jobs are runnable, and mark itself active until stopped', async () => {
    let runnable = 1
    const { runs, payload } = fakePayload({ runnable: () => runnable })
    const runner = startJobsRunner({ payload, lock: memoryLock(), logger: fakeLogger().logger, pollMs: 5, batch: 5 })
    await until(() => runs.length > 0)
    runnable = 0
    const activeWhileRunning = jobsRunnerActive()
    await runner.stop()
    expect(runs[0]).toEqual({ allQueues: true, limit: 1, where: { id: { in: [1] } } })
    expect({ activeWhileRunning, activeAfter: jobsRunnerActive() }).toEqual({ activeWhileRunning: true, activeAfter: false })
  })

  it('should go straight on to the next batch when a full one ran', async () => {
    const { runs, payload } = fakePayload({ runnable: () => 1, ran: 2 })
    const runner = startJobsRunner({ payload, lock: memoryLock(), logger: fakeLogger().logger, pollMs: 60_000, batch: 2 })
    await until(() => runs.length >= 3)
    await runner.stop()
    expect(runs.length).toBeGreaterThanOrEqual(3)
  })

  it('should run only the jobs it holds the lease of, never one another runner holds', async () => {
    const lock = memoryLock()
    const other = await lock.acquire('jobs:job:2', 60_000)
    const { runs, payload } = fakePayload({ runnable: () => 4, ran: 3 })
    const runner = startJobsRunner({ payload, lock, logger: fakeLogger().logger, pollMs: 60_000, batch: 5 })
    await until(() => runs.length > 0)
    await runner.stop()
    await other!.release()
    expect(runs[0]).toEqual({ allQueues: true, limit: 3, where: { id: { in: [1, 3, 4] } } })
  })

  it('should give the jobs of a batch their leases back when it ends', async () => {
    const lock = memoryLock()
    const { runs, payload } = fakePayload({ runnable: () => 2 })
    const runner = startJobsRunner({ payload, lock, logger: fakeLogger().logger, pollMs: 60_000, batch: 5 })
    await until(() => runs.length > 0)
    await runner.stop()
    expect(await Promise.all([1, 2].map(async (id) => (await lock.acquire(`jobs:job:${id}`, 1000)) !== null))).toEqual([true, true])
  })

  it('should run several batches at once, on different jobs, with concurrency', async () => {
    const lock = memoryLock()
    let inFlight = 0
    let most = 0
    const ids: number[][] = []
    const payload = {
      find: async (args: { limit: number; where: { and: unknown[] } }) =>
        JSON.stringify(args.where).includes('"processing":{"equals":true}')
          ? { docs: [] }
          : { docs: Array.from({ length: args.limit }, (_, i) => ({ id: i + 1 })) },
      jobs: {
        run: async (args: Run) => {
          ids.push(args.where!.id.in)
          most = Math.max(most, ++inFlight)
          await new Promise((resolve) => setTimeout(resolve, 20))
          inFlight--
          return { jobStatus: {} }
        },
      },
    } as unknown as Payload
    const runner = startJobsRunner({ payload, lock, logger: fakeLogger().logger, pollMs: 60_000, batch: 2, concurrency: 3 })
    await until(() => ids.length >= 3)
    await runner.stop()
    const firstThree = ids.slice(0, 3).flat()
    expect({ most, distinct: new Set(firstThree).size }).toEqual({ most: 3, distinct: 6 })
  })

  it('should leave the jobs alone while another runner holds the lease', async () => {
    const { runs, payload } = fakePayload({ runnable: () => 1 })
    const runner = startJobsRunner({ payload, lock: noLease, logger: fakeLogger().logger, pollMs: 5, batch: 5 })
    await new Promise((resolve) => setTimeout(resolve, 30))
    await runner.stop()
    expect(runs).toEqual([])
  })

  it('should log a failed run and keep polling', async () => {
    let calls = 0
    const { logger, errors } = fakeLogger()
    const payload = {
      find: async () => {
        calls++
        if (calls === 1) throw new Error('database away')
        return { docs: [] }
      },
    } as unknown as Payload
    const runner = startJobsRunner({ payload, lock: memoryLock(), logger, pollMs: 5, batch: 5 })
    await until(() => calls >= 2)
    await runner.stop()
    expect(errors).toEqual(['The jobs queue run failed; retrying after a pause'])
  })
})
