import type { Payload } from 'payload'

import { logger } from './logger'

type PoolLike = { on(event: 'error', listener: (err: Error) => void): void; listenerCount(event: string): number }

/**
 * An idle pooled Postgres connection that the server ends (failover, restart, pg_terminate_backend) makes the
 * pool emit 'error'; with no listener that event kills the process. Logged instead: the pool replaces the
 * connection on the next query.
 */
export function logPoolErrors(payload: Payload): void {
  const pool = (payload.db as unknown as { pool?: PoolLike }).pool
  if (!pool || pool.listenerCount('error') > 0) return
  pool.on('error', (err) =>
    logger().warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'A pooled database connection was closed; it will be replaced'),
  )
}
