import { readdirSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'

import { env } from '../../src/infra/env'
import { startCms } from '../../src/server/startCms'
import { expectedMigrations } from '../../src/server/sources'
import { collectingLogger, rawRequest, type LogLine } from '../helpers/handlerServer'
import { http, payloadAsNext } from '../helpers/opsServer'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { freePort } from '../helpers/smtp'

// startCms (src/server/startCms.ts) in this process: the real server, Payload, read cache, jobs runner and
// scheduler, with Payload's route handlers standing in for Next. Its SIGTERM handler is called directly and
// process.exit is caught, so the shutdown is proven without a signal racing a request.
const root = path.resolve(import.meta.dirname, '../..')
let app: TestPayload
let payload: Payload
let destroy: Payload['destroy']
let destroyed = 0
const exit = process.exit
let exits: ((code: number | undefined) => void)[] = []

function deferred<T = void>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

beforeAll(async () => {
  app = await bootPayload()
  payload = app.payload
  // Each server's shutdown closes Payload; the suite's later servers still need it, afterAll closes it for real.
  destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    destroyed++
  }
  process.exit = ((code?: number) => {
    exits.shift()?.(code)
  }) as typeof process.exit
})

afterAll(async () => {
  process.exit = exit
  payload.destroy = destroy
  await app?.close()
})

afterEach(() => {
  exits = []
})

type Started = { url: string; lines: LogLine[]; nextClosed: () => boolean; held: ReturnType<typeof heldRequests>; sigterm: () => Promise<number | undefined> }

/** Requests whose URL says `held=1` wait in the stand-in for Next until released. */
function heldRequests() {
  const arrived = deferred()
  const release = deferred()
  return { arrived, release }
}

async function start(settings: Partial<ReturnType<typeof env>> = {}): Promise<Started> {
  const port = await freePort()
  const { logger, lines } = collectingLogger()
  const payloadNext = await payloadAsNext(payload.config)
  const held = heldRequests()
  let closed = false
  const next = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.includes('held=1')) {
      held.arrived.resolve()
      await held.release.promise
    }
    return payloadNext(req, res)
  }
  const listening = { SIGTERM: new Set(process.listeners('SIGTERM')), SIGINT: new Set(process.listeners('SIGINT')) }
  await startCms({
    root,
    settings: { ...env(), CMS_PORT: port, CACHE_ENABLED: true, RUN_JOBS_IN_PROCESS: true, ...settings },
    logger,
    requestLogger: logger,
    flush: () => {},
    load: {
      payload: async () => payload,
      next: async () =>
        Object.assign(next, {
          close: async () => {
            closed = true
          },
        }),
    },
  })
  const added = (signal: 'SIGTERM' | 'SIGINT') => process.listeners(signal).find((l) => !listening[signal].has(l))!
  const onSigterm = added('SIGTERM')
  const onSigint = added('SIGINT')
  return {
    url: `http://127.0.0.1:${port}`,
    lines,
    nextClosed: () => closed,
    held,
    sigterm: () => {
      const exited = new Promise<number | undefined>((resolve) => exits.push(resolve))
      process.removeListener('SIGTERM', onSigterm)
      process.removeListener('SIGINT', onSigint)
      onSigterm('SIGTERM')
      return exited
    },
  }
}

describe('startCms', () => {
  it('should answer health, readiness, metrics and cached reads on CMS_PORT, and log each request', async () => {
    const server = await start()
    const live = await http(`${server.url}/api/health`)
    const ready = await http(`${server.url}/api/health/ready`)
    const reads = [
      await http(`${server.url}/api/products?limit=1`),
      await http(`${server.url}/api/products?limit=1`, { headers: { 'x-request-id': 'start-1' } }),
    ]
    const scrape = await http(`${server.url}/metrics`)
    await server.sigterm()
    expect([live.status, ready.status, ready.json.checks.database.status]).toEqual([200, 200, 'up'])
    expect(reads.map((r) => [r.status, r.headers.get('x-cache')])).toEqual([
      [200, 'MISS'],
      [200, 'HIT'],
    ])
    expect(scrape.text).toMatch(/^inventory_out_of_stock_skus \d+$/m)
    expect(server.lines.find((l) => l.msg === 'CMS listening')).toMatchObject({ cache: 'memory', jobsInProcess: true })
    expect(server.lines.find((l) => l.reqId === 'start-1')).toMatchObject({ msg: 'request', route: '/api/products', status: 200, cache: 'HIT' })
  })

  it('should finish a request in hand on SIGTERM while refusing new connections, then close everything and exit 0', async () => {
    const server = await start()
    const destroyedBefore = destroyed
    const inHand = http(`${server.url}/api/products?limit=50&depth=2&held=1`)
    await server.held.arrived.promise
    const exited = server.sigterm()
    const refused = await rawRequest(`${server.url}/api/health`)
    server.held.release.resolve()
    const answered = await inHand
    const code = await exited
    expect(refused).toEqual({ error: expect.stringMatching(/ECONNREFUSED/) })
    expect([answered.status, Array.isArray(answered.json.docs)]).toEqual([200, true])
    expect(code).toBe(0)
    expect(server.lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['CMS stopping', 'CMS stopped']))
    expect([server.nextClosed(), destroyed]).toEqual([true, destroyedBefore + 1])
  })

  it('should cut off a request still open after SHUTDOWN_TIMEOUT_MS and still exit 0', async () => {
    const server = await start({ SHUTDOWN_TIMEOUT_MS: 200 })
    const inHand = rawRequest(`${server.url}/api/products?held=1`)
    await server.held.arrived.promise
    const code = await server.sigterm()
    const cutOff = await inHand
    server.held.release.resolve()
    expect(cutOff).toHaveProperty('error')
    expect(code).toBe(0)
    expect(server.lines.map((l) => l.msg)).toContain('Requests still open after 200 ms; closing them')
  })
})

describe('expectedMigrations', () => {
  it('should expect every committed migration of the database in use, and none when the schema is pushed', async () => {
    const dialect = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite'
    const committed = readdirSync(path.join(root, 'migrations', dialect))
      .filter((f) => /^\d{8}_\d{6}_\w+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
    expect(await expectedMigrations(payload, false)).toEqual(committed)
    expect(await expectedMigrations(payload, true)).toBeNull()
  })
})
