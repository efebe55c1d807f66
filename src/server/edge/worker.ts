// The edge's thread (src/server/edge/edge.ts): started by startEdge (./index.ts) with its settings in workerData. Its
// log lines go to the main thread, which writes them with its own (one writer per stream); its counts are added to
// the main thread's on GET /metrics.
import { createServer } from 'node:http'
import { parentPort, workerData } from 'node:worker_threads'
import type { DestinationStream } from 'pino'

import type { CachedResponse, GroupTags } from '../../infra/cache'
import type { EdgeSettings, ToEdge } from './messages'

const port = parentPort!
const settings = workerData as EdgeSettings

// Installed before anything records: this thread's registry has no process metrics (the main thread counts those).
const { createMetrics, handCountedDurations } = await import('../../infra/metrics')
const { setProcessSingleton } = await import('../../infra/processSingleton')
const metrics = createMetrics({ processMetrics: false })
setProcessSingleton('metrics', metrics)
const durations = handCountedDurations()

const { createLogger } = await import('../../infra/logger')
const { createRouteTemplate } = await import('../routes')
const { createEdge } = await import('./edge')

// Lines leave in batches (32 KB, or whatever is waiting after 100 ms): a message per turn of the event loop took 9 % of
// the thread's time under load. A line is thus written up to 100 ms after its request, with its own time in it.
const BATCH_BYTES = 32 * 1024
const BATCH_MS = 100
let pending: string[] = []
let pendingBytes = 0
let timer: NodeJS.Timeout | undefined
const sendLines = () => {
  clearTimeout(timer)
  timer = undefined
  if (pending.length === 0) return
  port.postMessage({ type: 'lines', text: pending.join('') })
  pending = []
  pendingBytes = 0
}
const toMain: DestinationStream = {
  write(text: string) {
    pending.push(text)
    pendingBytes += text.length
    if (pendingBytes >= BATCH_BYTES) sendLines()
    else timer ??= setTimeout(sendLines, BATCH_MS)
  },
}
const logger = createLogger({ destination: toMain, name: 'edge' })
const edge = createEdge({
  upstream: { host: '127.0.0.1', port: settings.upstreamPort },
  maxBytes: settings.maxBytes,
  cookiePrefix: settings.cookiePrefix,
  routeTemplate: createRouteTemplate(settings.collections, settings.globals),
  requestLogger: createLogger({ destination: toMain, redact: false }),
  durations,
  logger,
})

const server = createServer({ keepAliveTimeout: 65_000 }, edge.handle)
server.requestTimeout = settings.requestTimeoutMs
server.headersTimeout = Math.min(60_000, settings.requestTimeoutMs)
let idle: NodeJS.Timeout | undefined

port.on('message', (message: ToEdge) => {
  switch (message.type) {
    case 'versions':
      return edge.versions(message.tags as GroupTags)
    case 'entry': {
      const { body, ...rest } = message.entry
      return edge.store(message.key, { ...rest, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) } as CachedResponse)
    }
    case 'clear':
      return edge.clear()
    case 'metrics':
      return void metrics.registry.getMetricsAsJSON().then((json) => port.postMessage({ type: 'metrics', id: message.id, json: [...json, durations.toJSON()] }))
    case 'drain':
      // No new connections; each open one closes once its request in hand is answered.
      edge.drain()
      server.close(() => {
        clearInterval(idle)
        sendLines()
        port.postMessage({ type: 'closed' })
      })
      idle = setInterval(() => server.closeIdleConnections(), 250)
      // The listening socket is closed now: a new connection is refused from here on.
      Atomics.store(settings.stoppedListening, 0, 1)
      Atomics.notify(settings.stoppedListening, 0)
      return
    case 'close-all':
      sendLines()
      clearInterval(idle)
      server.closeAllConnections()
      edge.close()
      return
  }
})

server.on('error', (err) => port.postMessage({ type: 'failed', message: err.message }))
server.listen(settings.port, settings.host, () => port.postMessage({ type: 'listening' }))
