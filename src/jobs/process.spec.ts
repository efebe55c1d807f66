import { createServer } from 'node:net'
import { pathToFileURL } from 'node:url'
import pino from 'pino'

import { setLogger } from '../infra/logger'
import { isEntryPoint, serveProcessMetrics, stopOnSignal } from './process'

setLogger(pino({ level: 'silent' }))

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5))
}

/** A process stand-in: records the signal listeners and the exit codes. */
function fakeProcess() {
  const listeners = new Map<string, () => void>()
  const exits: number[] = []
  return {
    listeners,
    exits,
    once: (signal: string, listener: () => void) => listeners.set(signal, listener),
    exit: (code: number) => void exits.push(code) as never,
  }
}

describe('isEntryPoint', () => {
  it('should recognise the script node was started with', () => {
    expect(isEntryPoint(pathToFileURL(process.argv[1]).href)).toBe(true)
  })

  it('should not take an imported module for the entry point', () => {
    expect(isEntryPoint(import.meta.url)).toBe(false)
  })
})

describe('serveProcessMetrics', () => {
  it('should serve nothing when no port is set', () => {
    expect(serveProcessMetrics(0, undefined)).toBeNull()
  })

  it('should answer GET /metrics behind the token and 404 elsewhere', async () => {
    const port = await freePort()
    const server = serveProcessMetrics(port, 'scrape-token')!
    await new Promise((resolve) => server.once('listening', resolve))
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}${path}`, { headers })
    const authorised = await get('/metrics', { authorization: 'Bearer scrape-token' })
    const statuses = [authorised.status, (await get('/metrics')).status, (await get('/other')).status]
    const text = await authorised.text()
    server.close()
    expect(statuses).toEqual([200, 401, 404])
    expect(text).toContain('jobs_run_total')
  })
})

describe('stopOnSignal', () => {
  it('should finish the work in hand, close the pools and exit 0 on SIGTERM', async () => {
    const proc = fakeProcess()
    const steps: string[] = []
    stopOnSignal('test', async () => void steps.push('stop'), { destroy: async () => void steps.push('destroy') }, 5000, proc)
    proc.listeners.get('SIGTERM')!()
    await until(() => proc.exits.length > 0)
    expect(steps).toEqual(['stop', 'destroy'])
    expect(proc.exits).toEqual([0])
  })

  it('should stop once when SIGINT follows SIGTERM', async () => {
    const proc = fakeProcess()
    let stops = 0
    stopOnSignal('test', async () => void stops++, { destroy: async () => undefined }, 5000, proc)
    proc.listeners.get('SIGTERM')!()
    proc.listeners.get('SIGINT')!()
    await until(() => proc.exits.length > 0)
    expect({ stops, exits: proc.exits }).toEqual({ stops: 1, exits: [0] })
  })

  it('should still exit 0 when stopping fails', async () => {
    const proc = fakeProcess()
    stopOnSignal('test', async () => Promise.reject(new Error('pool gone')), { destroy: async () => Promise.reject(new Error('gone')) }, 5000, proc)
    proc.listeners.get('SIGINT')!()
    await until(() => proc.exits.length > 0)
    expect(proc.exits).toEqual([0])
  })

  it('should exit 1 when the work in hand outlasts the timeout', async () => {
    const proc = fakeProcess()
    stopOnSignal('test', () => new Promise<void>(() => undefined), { destroy: async () => undefined }, 20, proc)
    proc.listeners.get('SIGTERM')!()
    await until(() => proc.exits.length > 0)
    expect(proc.exits).toEqual([1])
  })
})
