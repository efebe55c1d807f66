import { createServer, type Server } from 'node:http'
import { pathToFileURL } from 'node:url'
import type { Payload } from 'payload'

import { logger } from '../infra/logger'
import { serveMetrics } from '../infra/metricsEndpoint'

/** True when this module is the script node was started with (not imported by the CMS server). */
export function isEntryPoint(moduleUrl: string): boolean {
  return !!process.argv[1] && moduleUrl === pathToFileURL(process.argv[1]).href
}

/** Payload for a worker or scheduler process: the same config as the CMS, with no HTTP in front. */
export async function loadPayload(): Promise<Payload> {
  // Payload in any other mode looks for a Next dev server to reload from.
  Object.assign(process.env, { NODE_ENV: 'production' })
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  return getPayload({ config })
}

/** GET /metrics for a process without its own HTTP server (Prometheus scrapes it when the port is set). */
export function serveProcessMetrics(port: number, token: string | undefined): Server | null {
  if (!port) return null
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/metrics')) return void serveMetrics(req, res, token)
    res.writeHead(404).end()
  })
  server.listen(port)
  return server
}

type SignalledProcess = { once(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown; exit(code: number): never }

/** Stops on SIGTERM/SIGINT: `stop` finishes work in hand, then the pools close and the process exits. */
export function stopOnSignal(
  name: string,
  stop: () => Promise<void>,
  payload: Pick<Payload, 'destroy'>,
  timeoutMs: number,
  proc: SignalledProcess = process,
): void {
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger().info({ signal }, `${name} stopping`)
    setTimeout(() => {
      logger().error(`${name} did not stop within ${timeoutMs} ms; exiting`)
      proc.exit(1)
    }, timeoutMs).unref()
    await stop().catch((err) => logger().error({ err }, `${name} failed to stop cleanly`))
    await payload.destroy().catch(() => undefined)
    logger().info(`${name} stopped`)
    logger().flush?.()
    proc.exit(0)
  }
  proc.once('SIGTERM', () => void shutdown('SIGTERM'))
  proc.once('SIGINT', () => void shutdown('SIGINT'))
}
