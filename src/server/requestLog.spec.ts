import type { IncomingMessage, ServerResponse } from 'node:http'

import pino from 'pino'

import { requestLineWriter } from './requestLog'
import { answerJson, startHandlerServer, type HandlerServer, type LogLine } from '../../tests/helpers/handlerServer'

// One JSON line per request, written when the response closes.
let server: HandlerServer
let arrived: () => void

async function fakeNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url?.includes('hold=1')) {
    arrived()
    await new Promise((resolve) => res.once('close', resolve))
    return
  }
  answerJson(res, 200, { docs: [] })
}

beforeEach(async () => {
  server = await startHandlerServer(fakeNext)
})

afterEach(async () => {
  await server.close()
})

/** The request line with this id, once the server has written it. */
async function lineFor(id: string): Promise<LogLine | undefined> {
  for (let i = 0; i < 200 && !server.lines.some((l) => l.reqId === id); i++) await new Promise((r) => setTimeout(r, 10))
  return server.lines.find((l) => l.reqId === id)
}

describe('createRequestLog', () => {
  it('should log the method, route template, status and cache state, with secrets in the URL masked', async () => {
    await fetch(`${server.url}/api/products/42?token=abc123`, { headers: { 'x-request-id': 'log-1' } })
    expect(await lineFor('log-1')).toMatchObject({
      msg: 'request',
      method: 'GET',
      url: '/api/products/42?token=[redacted]',
      route: '/api/products/:id',
      status: 200,
    })
  })

  it('should log 499 for a request the client gave up on before the answer', async () => {
    const waiting = new Promise<void>((resolve) => (arrived = resolve))
    const aborter = new AbortController()
    const request = fetch(`${server.url}/api/orders?hold=1`, { headers: { 'x-request-id': 'log-2' }, signal: aborter.signal }).catch(() => 'aborted')
    await waiting
    aborter.abort()
    expect(await request).toBe('aborted')
    expect(await lineFor('log-2')).toMatchObject({ route: '/api/orders', status: 499 })
  })

  it('should record the duration under the route template on /metrics', async () => {
    await fetch(`${server.url}/api/customers/7`)
    const scrape = await (await fetch(`${server.url}/metrics`)).text()
    expect(scrape).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/customers\/:id",status="200"\} \d+/)
  })
})

describe('requestLineWriter', () => {
  it('should write exactly the line pino writes for the same fields, escapes and missing fields included', () => {
    const written: string[] = []
    const stream = { write: (line: string) => void written.push(line) }
    const log = pino({ base: { pid: 4242 }, name: 'cms', timestamp: () => ',"time":"2026-12-04T00:00:00.000Z"' }, stream)
    const cases = [
      {
        reqId: 'a-1',
        client: '203.0.113.9',
        method: 'GET',
        url: '/api/products?where[title][like]="tea"&x=\u00e9\n',
        route: '/api/products',
        status: 200,
        ms: 0.4,
        cache: 'HIT',
      },
      { reqId: 'a-2', client: undefined, method: 'POST', url: '/api/graphql', route: '/api/graphql', status: 499, ms: 12, cache: undefined },
    ]
    for (const fields of cases) {
      requestLineWriter(log)(fields)
      log.info(fields, 'request')
    }
    expect(written).toHaveLength(4)
    expect(written[0]).toBe(written[1])
    expect(written[2]).toBe(written[3])
  })

  it('should write nothing when the logger is above info', () => {
    const written: string[] = []
    const log = pino({ level: 'warn' }, { write: (line: string) => void written.push(line) })
    requestLineWriter(log)({ reqId: 'a-3', url: '/', route: 'other', status: 200, ms: 1, cache: undefined })
    expect(written).toEqual([])
  })
})
