import type { TaskConfig } from 'payload'

import { recordJob } from '../infra/metrics'

/** Times every run of a task into jobs_run_total, jobs_failed_total and job_duration_seconds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Payload's own config takes TaskConfig<any>[]; any narrower type rejects typed tasks
export function withJobMetrics<T extends TaskConfig<any>>(task: T): T {
  const handler = task.handler
  if (typeof handler !== 'function') return task
  return {
    ...task,
    handler: async (args: Parameters<typeof handler>[0]) => {
      const started = performance.now()
      try {
        const result = await handler(args)
        recordJob(task.slug, true, (performance.now() - started) / 1000)
        return result
      } catch (err) {
        recordJob(task.slug, false, (performance.now() - started) / 1000)
        throw err
      }
    },
  } as T
}
