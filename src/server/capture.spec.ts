import type { IncomingMessage, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'

import { isStorable, matchesEtag } from './capture'
import { answerJson, startHandlerServer, type HandlerServer } from '../../tests/helpers/handlerServer'

// Which answers the read cache keeps, seen from a client reading the same URL twice.
let calls: number
let server: HandlerServer

async function fakeNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  calls++
  const url = new URL(req.url ?? '/', 'http://localhost')
  const status = Number(url.searchParams.get('status') ?? 200)
  const headers: Record<string, string> = {}
  if (url.searchParams.has('gzip')) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
    res.end(gzipSync(JSON.stringify({ call: calls })))
    return
  }
  if (url.searchParams.has('nostore')) headers['cache-control'] = 'no-store'
  answerJson(res, status, { call: calls }, headers)
}

beforeEach(async () => {
  calls = 0
  server = await startHandlerServer(fakeNext)
})

afterEach(async () => {
  await server.close()
})

const twice = async (path: string) => {
  const first = await fetch(`${server.url}${path}`)
  const second = await fetch(`${server.url}${path}`)
  return [first.status, second.headers.get('x-cache'), (await second.json()).call]
}

describe('captureResponse', () => {
  it('should keep a plain public 200 and replay it without the per-response headers', async () => {
    await fetch(`${server.url}/api/categories?limit=1`, { headers: { 'x-request-id': 'first' } })
    const hit = await fetch(`${server.url}/api/categories?limit=1`, { headers: { 'x-request-id': 'second' } })
    expect([hit.headers.get('x-cache'), hit.headers.get('x-request-id'), (await hit.json()).call]).toEqual(['HIT', 'second', 1])
  })

  it.each([
    ['a 404', '/api/products/9?status=404', [404, 'MISS', 2]],
    ['an encoded body', '/api/products?gzip=1', [200, 'MISS', 2]],
    ['a no-store answer', '/api/products?nostore=1', [200, 'MISS', 2]],
  ])('should not keep %s', async (_name, path, expected) => {
    expect(await twice(path)).toEqual(expected)
  })
})

describe('isStorable', () => {
  it('should refuse private answers and answers that set cookies', () => {
    expect([isStorable(200, { 'cache-control': 'private, max-age=0' }), isStorable(200, { 'set-cookie': ['a=1'] }), isStorable(200, {})]).toEqual([
      false,
      false,
      true,
    ])
  })
})

describe('matchesEtag', () => {
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abd"', false],
    [undefined, false],
  ])('should judge If-None-Match %s against "abc" as %s', (ifNoneMatch, expected) => {
    expect(matchesEtag(ifNoneMatch, '"abc"')).toBe(expected)
  })
})
