import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Logger } from 'pino'

import type { ReadCache } from '../../infra/cache'
import { aggregatedMetrics, metrics } from '../../infra/metrics'
import type { MetricsText } from '../../infra/metricsEndpoint'
import { streamOf } from '../requestLog'
import type { EdgeSettings, FromEdge, ToEdge } from './messages'

export type RunningEdge = {
  /** GET /metrics: the main thread's registry with the edge's counts added. */
  metricsText: MetricsText
  /** Stops taking connections (before it returns); resolves once every client connection has closed. */
  drain(): Promise<void>
  /** Cuts every connection still open (the shutdown's time is up). */
  closeAll(): void
  stop(): Promise<void>
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url))
const METRICS_WAIT_MS = 2000
const STOP_LISTENING_WAIT_MS = 2000

/**
 * Starts the edge (./edge.ts) in a thread of its own on `settings.port`, in front of the CMS's server on
 * `settings.upstreamPort`, and keeps its copy of the cache in step with `cache`. `onFailure`: the thread died after
 * starting (the process should stop: nothing else answers its port).
 */
export async function startEdge(options: {
  settings: Omit<EdgeSettings, 'stoppedListening'>
  cache: ReadCache
  logger: Logger
  requestLogger: Logger
  onFailure: (err: Error) => void
}): Promise<RunningEdge> {
  // The thread loads TypeScript as the process does (tsx), whatever started the process.
  const stoppedListening = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}) })`, {
    eval: true,
    workerData: { ...options.settings, stoppedListening } satisfies EdgeSettings,
  })
  const send = (message: ToEdge, transfer?: ArrayBuffer[]) => worker.postMessage(message, transfer)
  const lines = streamOf(options.requestLogger)
  const asked = new Map<number, (json: unknown[]) => void>()
  let asks = 0
  let started = false
  let stopping = false
  let closed: () => void = () => {}
  const drained = new Promise<void>((resolve) => (closed = resolve))

  const listening = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: FromEdge) => {
      if (message.type === 'lines') lines.write(message.text)
      else if (message.type === 'metrics') asked.get(message.id)?.(message.json)
      else if (message.type === 'listening') {
        started = true
        resolve()
      } else if (message.type === 'failed') reject(new Error(`The edge could not listen on port ${options.settings.port}: ${message.message}`))
      else if (message.type === 'closed') closed()
    })
    worker.on('error', (err) => (started ? options.onFailure(err) : reject(err)))
    worker.on('exit', (code) => {
      if (!started) reject(new Error(`The edge's thread exited with ${code} before listening`))
      else if (!stopping) options.onFailure(new Error(`The edge's thread exited with ${code}`))
    })
  })

  options.cache.share({
    versions: (tags) => send({ type: 'versions', tags }),
    entry(key, entry) {
      // A copy of its own, handed over rather than copied again.
      const body = new Uint8Array(entry.body)
      send({ type: 'entry', key, entry: { status: entry.status, headers: entry.headers, body, size: entry.size } }, [body.buffer])
    },
    clear: () => send({ type: 'clear' }),
  })
  try {
    await listening
  } catch (err) {
    stopping = true
    await worker.terminate()
    throw err
  }
  options.logger.info({ port: options.settings.port, upstreamPort: options.settings.upstreamPort }, 'Edge listening')

  const edgeMetrics = () =>
    new Promise<unknown[]>((resolve) => {
      const id = ++asks
      // A thread that does not answer in time leaves its counts out of this scrape rather than failing it.
      const timer = setTimeout(() => (asked.delete(id), resolve([])), METRICS_WAIT_MS)
      asked.set(id, (json) => {
        clearTimeout(timer)
        asked.delete(id)
        resolve(json)
      })
      send({ type: 'metrics', id })
    })

  return {
    async metricsText() {
      const [own, edge] = await Promise.all([metrics().registry.getMetricsAsJSON(), edgeMetrics()])
      return aggregatedMetrics([own, edge as typeof own])
    },
    drain() {
      send({ type: 'drain' })
      // As the CMS's own server did on SIGTERM: once this returns, a new connection is refused, not taken and reset.
      Atomics.wait(stoppedListening, 0, 0, STOP_LISTENING_WAIT_MS)
      return drained
    },
    closeAll: () => send({ type: 'close-all' }),
    async stop() {
      stopping = true
      await worker.terminate()
    },
  }
}
