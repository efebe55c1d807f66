import type { Payload } from 'payload'

import { logger } from './logger'

type ClientLike = { on(event: 'error', listener: (err: Error) => void): void }
type PoolLike = {
  on(event: 'error', listener: (err: Error) => void): void
  on(event: 'connect', listener: (client: ClientLike) => void): void
  listenerCount(event: string): number
}

const warn = (err: Error) =>
  logger().warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'A pooled database connection was closed; it will be replaced')

/**
 * An idle pooled Postgres connection that the server ends (failover, restart, pg_terminate_backend) makes the
 * pool emit 'error'; with no listener that event kills the process. Logged instead: the pool replaces the
 * connection on the next query. A connection checked out at that moment (a transaction in hand) emits 'error'
 * on itself, where the pool listens only while it is idle: each connection gets its own listener too (the
 * PostgreSQL restart of the drill killed an instance this way). Its query fails and the request answers 5xx.
 */
export function logPoolErrors(payload: Payload): void {
  const pool = (payload.db as unknown as { pool?: PoolLike }).pool
  if (!pool || pool.listenerCount('error') > 0) return
  pool.on('error', warn)
  pool.on('connect', (client) => client.on('error', warn))
}
