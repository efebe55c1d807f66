import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Payload } from 'payload'
import type { Logger } from 'pino'

import { createRequestGuard } from '../guard'
import { readCache } from '../infra/cache'
import { processMetricsText } from '../infra/metricsEndpoint'
import type { Env } from '../infra/env'
import { createReadinessCheck } from '../infra/health'
import { mediaStorageKind, s3BucketCheck } from '../infra/mediaStorage'
import { allowedOrigins } from '../infra/origins'
import { processLock } from '../infra/lock'
import { rateLimiter } from '../infra/rateLimit'
import { closeRedis, redis } from '../infra/redis'
import { startJobsRunner, type JobsRunner } from '../jobs/runner'
import { schedule } from '../jobs/schedule'
import { startScheduler, type Scheduler } from '../jobs/scheduler'
import { catalogueReadsFor } from './catalogueReads'
import { createGuestCheckout } from './guestCheckout'
import { startEdge, type RunningEdge } from './edge'
import { createRequestHandler, type NextHandler } from './handler'
import { createRouteTemplate } from './routes'
import { expectedMigrations, installMetricSources } from './sources'

type Loaders = {
  payload: () => Promise<Payload>
  next: (root: string, port: number) => Promise<NextHandler & { close(): Promise<void> }>
}
type Options = {
  root: string
  settings: Env
  logger: Logger
  requestLogger: Logger
  flush: () => void
  /** Tests start the server on their own Payload and a stand-in for Next; production loads both. */
  load?: Partial<Loaders>
}

// The server's own Payload (health, gauges, jobs); Next's route handlers keep theirs under the default key.
async function loadPayload(): Promise<Payload> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  return getPayload({ config, key: 'ipswich-retail-server' })
}

async function loadNext(root: string, port: number): Promise<NextHandler & { close(): Promise<void> }> {
  const { default: next } = await import('next')
  const app = next({ dev: false, dir: root, port, hostname: '0.0.0.0' })
  await app.prepare()
  const handle = app.getRequestHandler()
  return Object.assign((req: Parameters<NextHandler>[0], res: Parameters<NextHandler>[1]) => handle(req, res), { close: () => app.close() })
}

export async function startCms({ root, settings, logger: log, requestLogger, flush, load }: Options): Promise<Server> {
  const payload = await (load?.payload ?? loadPayload)()
  const readiness = createReadinessCheck({
    payload: () => payload,
    redis: redis(),
    mediaDir: path.resolve(settings.MEDIA_DIR),
    mediaCheck: mediaStorageKind(settings) === 's3' ? s3BucketCheck(settings) : undefined,
    expectedMigrations: await expectedMigrations(payload, settings.DB_PUSH),
  })
  installMetricSources(payload, readiness)
  const nextHandler = await (load?.next ?? loadNext)(root, settings.CMS_PORT)
  const state = { shuttingDown: false }
  const guard = createRequestGuard(payload.config, {
    maxBodyBytes: settings.MAX_BODY_BYTES,
    maxUploadBytes: settings.MAX_UPLOAD_BYTES,
    maxLimit: settings.API_MAX_LIMIT,
    maxDepth: settings.API_MAX_DEPTH,
    cookiePrefix: payload.config.cookiePrefix,
    maxJsonDepth: settings.MAX_JSON_DEPTH,
    onFault: (err) => log.error({ err }, 'request guard fault'),
  })
  // The read model needs the search plugin's hooks, which keep its rows current.
  const catalogue = catalogueReadsFor(payload, settings, log)
  // With the cache on, the edge's thread takes the public port and this server a loopback one behind it.
  const edgeOn = settings.CACHE_ENABLED && settings.EDGE_ENABLED
  let edge: RunningEdge | undefined
  const collections = payload.config.collections.map((c) => c.slug)
  const globals = payload.config.globals.map((g) => g.slug)
  const handler = createRequestHandler({
    next: nextHandler,
    cache: settings.CACHE_ENABLED ? readCache() : null,
    limiter: rateLimiter(),
    settings,
    logger: log,
    requestLogger,
    routeTemplate: createRouteTemplate(collections, globals),
    readiness,
    terseReadiness: settings.strict,
    cookiePrefix: payload.config.cookiePrefix ?? 'payload',
    guard,
    origins: allowedOrigins(settings),
    requestTimeoutMs: settings.REQUEST_TIMEOUT_MS,
    state,
    catalogue,
    guestCheckout: createGuestCheckout(payload),
    metricsText: () => (edge ? edge.metricsText() : processMetricsText()),
  })
  const server = createServer({ keepAliveTimeout: 65_000 }, handler)
  server.requestTimeout = settings.REQUEST_TIMEOUT_MS
  server.headersTimeout = Math.min(60_000, settings.REQUEST_TIMEOUT_MS)
  if (edgeOn) {
    // Only the edge connects, and it keeps its connections: they never time out idle (no race with a reuse).
    server.keepAliveTimeout = 0
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    edge = await startEdge({
      settings: {
        port: settings.CMS_PORT,
        host: '0.0.0.0',
        upstreamPort: (server.address() as AddressInfo).port,
        maxBytes: settings.CACHE_MEMORY_MAX_BYTES,
        cookiePrefix: payload.config.cookiePrefix ?? 'payload',
        collections,
        globals,
        requestTimeoutMs: settings.REQUEST_TIMEOUT_MS,
      },
      cache: readCache(),
      logger: log,
      requestLogger,
      onFailure: (err) => {
        log.fatal({ err }, 'The edge stopped; the CMS stops with it')
        flush()
        process.exit(1)
      },
    }).catch((err: unknown) => {
      server.close()
      throw err
    })
  } else {
    await new Promise<void>((resolve) => server.listen(settings.CMS_PORT, '0.0.0.0', resolve))
  }

  let runner: JobsRunner | undefined
  let scheduler: Scheduler | undefined
  if (settings.RUN_JOBS_IN_PROCESS) {
    runner = startJobsRunner({
      payload,
      lock: processLock(),
      logger: log,
      pollMs: settings.WORKER_POLL_MS,
      batch: settings.WORKER_BATCH,
      leaseMs: settings.WORKER_LEASE_MS,
      concurrency: settings.WORKER_CONCURRENCY,
    })
    scheduler = startScheduler({
      jobs: schedule(settings),
      lock: processLock(),
      enqueue: (task, input) => payload.jobs.queue({ task: task as never, input: input as never }),
      logger: log,
      timezone: settings.SCHEDULE_TIMEZONE,
    })
  }
  if (settings.READ_MODEL_BACKFILL) catalogue?.backfill()
  log.info(
    {
      port: settings.CMS_PORT,
      edge: edgeOn,
      readModel: !!catalogue,
      cache: settings.CACHE_ENABLED ? readCache().tiers : 'off',
      jobsInProcess: settings.RUN_JOBS_IN_PROCESS,
    },
    'CMS listening',
  )

  // SIGTERM: readiness turns 503 and new connections are refused; requests and jobs in hand finish; pools close.
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    state.shuttingDown = true
    log.info({ signal }, 'CMS stopping')
    const force = setTimeout(() => {
      log.error(`Requests still open after ${settings.SHUTDOWN_TIMEOUT_MS} ms; closing them`)
      edge?.closeAll()
      server.closeAllConnections()
    }, settings.SHUTDOWN_TIMEOUT_MS)
    force.unref()
    // The edge first: what it still hands on needs this server until its last client connection has closed.
    await edge?.drain()
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    // Keep-alive connections close as soon as their request in hand is answered.
    const idle = setInterval(() => server.closeIdleConnections(), 250)
    catalogue?.stop()
    await Promise.all([closed, scheduler?.stop(), runner?.stop(), catalogue?.idle()])
    clearInterval(idle)
    clearTimeout(force)
    await nextHandler.close().catch(() => undefined)
    await readCache()
      .close()
      .catch(() => undefined)
    await payload.destroy().catch(() => undefined)
    await closeRedis()
    await edge?.stop()
    log.info('CMS stopped')
    flush()
    process.exit(0)
  }
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  process.once('SIGINT', () => void shutdown('SIGINT'))
  return server
}
