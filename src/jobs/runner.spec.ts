import type { Payload } from 'payload'
import type { Logger } from 'pino'

import { memoryLock, type Lock } from '../infra/lock'
import { hasRunnableJobs, startJobsRunner } from './runner'
import { jobsRunnerActive } from './runnerFlag'

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5))
}

/** Records what the runner logs at error level. */
function fakeLogger() {
  const errors: string[] = []
  return { errors, logger: { debug: () => undefined, error: (_obj: unknown, message: string) => void errors.push(message) } as unknown as Logger }
}

/** A Payload stand-in: `runnable` answers the count, each run reports `ran` jobs done. */
function fakePayload(options: { runnable: () => number; ran?: number }) {
  const runs: { allQueues?: boolean; limit?: number }[] = []
  const payload = {
    count: async () => ({ totalDocs: options.runnable() }),
    jobs: {
      run: async (args: { allQueues?: boolean; limit?: number }) => {
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

describe('hasRunnableJobs', () => {
  it('should ask Payload for jobs not done, not failed, not running and not waiting', async () => {
    const wheres: unknown[] = []
    const payload = { count: async (args: { where: unknown }) => (wheres.push(args.where), { totalDocs: 2 }) } as unknown as Payload
    expect(await hasRunnableJobs(payload)).toBe(true)
    expect(JSON.stringify(wheres)).toContain('"processing":{"equals":false}')
  })
})

describe('startJobsRunner', () => {
  it('should run every queue in batches while jobs are runnable, and mark itself active until stopped', async () => {
    let runnable = 1
    const { runs, payload } = fakePayload({ runnable: () => runnable })
    const runner = startJobsRunner({ payload, lock: memoryLock(), logger: fakeLogger().logger, pollMs: 5, batch: 5 })
    await until(() => runs.length > 0)
    runnable = 0
    const activeWhileRunning = jobsRunnerActive()
    await runner.stop()
    expect(runs[0]).toEqual({ allQueues: true, limit: 5 })
    expect({ activeWhileRunning, activeAfter: jobsRunnerActive() }).toEqual({ activeWhileRunning: true, activeAfter: false })
  })

  it('should go straight on to the next batch when a full one ran', async () => {
    const { runs, payload } = fakePayload({ runnable: () => 1, ran: 2 })
    const runner = startJobsRunner({ payload, lock: memoryLock(), logger: fakeLogger().logger, pollMs: 60_000, batch: 2 })
    await until(() => runs.length >= 3)
    await runner.stop()
    expect(runs.length).toBeGreaterThanOrEqual(3)
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
      count: async () => {
        calls++
        if (calls === 1) throw new Error('database away')
        return { totalDocs: 0 }
      },
    } as unknown as Payload
    const runner = startJobsRunner({ payload, lock: memoryLock(), logger, pollMs: 5, batch: 5 })
    await until(() => calls >= 2)
    await runner.stop()
    expect(errors).toEqual(['The jobs queue run failed; retrying after a pause'])
  })
})
