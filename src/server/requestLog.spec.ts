import type { IncomingMessage, ServerResponse } from 'node:http'

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
