import type { IncomingMessage, ServerResponse } from 'node:http'

import { answerJson, lowLimits, startHandlerServer, type HandlerServer } from '../../tests/helpers/handlerServer'

// The server front's security headers and terse readiness (issue 18, item 5), over real HTTP with a stand-in for Next.
let server: HandlerServer

async function fakeNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url?.startsWith('/admin')) {
    res.writeHead(200, { 'content-type': 'text/html' })
    return void res.end('<!doctype html><title>admin</title>')
  }
  answerJson(res, 200, { docs: [] })
}

afterEach(async () => {
  await server.close()
})

const TOKEN = 'metrics-token-0123456789abcdef0123456789'

describe('security headers', () => {
  it.each(['/api/health', '/api/products', '/metrics', '/api/nowhere?limit=x'])('should refuse framing and sniffing on %s', async (path) => {
    server = await startHandlerServer(fakeNext)
    const res = await fetch(`${server.url}${path}`)
    expect([res.headers.get('x-frame-options'), res.headers.get('x-content-type-options'), res.headers.get('referrer-policy')]).toEqual([
      'DENY',
      'nosniff',
      'same-origin',
    ])
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox")
  })

  it("should keep a policy the answer brings (a print page's, an upload's) instead of the default", async () => {
    server = await startHandlerServer((req, res) => answerJson(res, 200, {}, { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" }))
    const res = await fetch(`${server.url}/api/orders/1/invoice`)
    expect([res.headers.get('content-security-policy'), res.headers.get('x-frame-options')]).toEqual(["default-src 'none'; style-src 'unsafe-inline'", 'DENY'])
  })

  it('should leave the admin page its own policy (src/middleware.ts) but still refuse framing', async () => {
    server = await startHandlerServer(fakeNext)
    const res = await fetch(`${server.url}/admin/login`)
    expect([res.headers.get('x-frame-options'), res.headers.get('content-security-policy')]).toEqual(['DENY', null])
  })
})

describe('readiness in staging and production', () => {
  it('should answer {status} alone to a caller without the metrics token', async () => {
    server = await startHandlerServer(fakeNext, { terseReadiness: true, settings: { ...lowLimits, METRICS_TOKEN: TOKEN } })
    const res = await fetch(`${server.url}/api/health/ready`)
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok' }])
  })

  it('should give each dependency to a caller with the metrics token', async () => {
    server = await startHandlerServer(fakeNext, { terseReadiness: true, settings: { ...lowLimits, METRICS_TOKEN: TOKEN } })
    const res = await fetch(`${server.url}/api/health/ready`, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(Object.keys((await res.json()).checks)).toEqual(['database', 'redis', 'migrations', 'media'])
  })
})
