import type { Payload, PayloadRequest } from 'payload'

import { queryRows, sql } from './sql'

export interface QueuedJob {
  task: string
  input: unknown
}

/**
 * Queues jobs on the default queue with one INSERT on `req`'s transaction: the row `payload.jobs.queue` writes (this
 * config sets neither `jobs.runHooks` nor `jobs.depth`, so Payload itself inserts it without hooks or validation, then
 * reads it back). The checkout queues its confirmation email here, so the email commits with the order or not at all,
 * without the read-back. The runner (src/jobs/runner.ts) picks these rows up like any other queued job.
 */
export async function queueJobs(payload: Payload, req: PayloadRequest | undefined, jobs: readonly QueuedJob[]): Promise<number[]> {
  if (jobs.length === 0) return []
  const now = new Date().toISOString()
  // TRUE/FALSE are keywords on both databases (SQLite stores them as 1/0, as Payload does).
  const rows = jobs.map((job) => sql`(${JSON.stringify(job.input)}, ${job.task}, ${'default'}, 0, false, false, ${now}, ${now})`)
  const inserted = await queryRows<{ id: number }>(
    payload,
    req,
    sql`INSERT INTO payload_jobs (input, task_slug, queue, total_tried, has_error, processing, updated_at, created_at) VALUES ${sql.join(rows, sql`, `)} RETURNING id`,
  )
  return inserted.map((row) => Number(row.id))
}
