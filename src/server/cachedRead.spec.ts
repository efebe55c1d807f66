import type { IncomingMessage, ServerResponse } from 'node:http'

import type { CachedResponse, ReadCache } from '../infra/cache'
import { answerJson, startHandlerServer, type HandlerServer } from '../../tests/helpers/handlerServer'

// The read cache's less common answers, driven over HTTP through the front handler with a scripted cache.
let calls: number
let server: HandlerServer

async function fakeNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  calls++
  if (req.url?.includes('fail=1')) throw new Error('Payload failed')
  answerJson(res, 200, { docs: [], from: 'next' })
}

function scriptedCache(script: Partial<ReadCache>): ReadCache {
  return {
    tiers: 'memory+redis',
    keyFor: (group, requestKey) => `${group}:1:${requestKey}`,
    memory: () => undefined,
    fill: (_key, produce) => produce(),
    bump: async () => {},
    share: () => {},
    ready: async () => true,
    close: async () => {},
    ...script,
  }
}

const stored: CachedResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"docs":[],"from":"redis"}'), size: 600 }

beforeEach(() => {
  calls = 0
})

afterEach(async () => {
  await server.close()
})

describe('serveCachedRead', () => {
  it('should answer every read fresh from Next while the cache versions cannot be trusted', async () => {
    server = await startHandlerServer(fakeNext, { cache: scriptedCache({ keyFor: () => null }) })
    const answers = [await fetch(`${server.url}/api/products`), await fetch(`${server.url}/api/products`)]
    expect(answers.map((a) => [a.status, a.headers.get('x-cache')])).toEqual([
      [200, null],
      [200, null],
    ])
    expect(calls).toBe(2)
  })

  it('should answer a read another instance stored in Redis as a hit, without asking Next', async () => {
    server = await startHandlerServer(fakeNext, { cache: scriptedCache({ fill: async () => stored }) })
    const res = await fetch(`${server.url}/api/products`)
    expect([res.status, res.headers.get('x-cache'), await res.json()]).toEqual([200, 'HIT', { docs: [], from: 'redis' }])
    expect(calls).toBe(0)
  })

  it('should ask Next itself when the read it waited for produced nothing storable', async () => {
    server = await startHandlerServer(fakeNext, { cache: scriptedCache({ fill: async () => null }) })
    const res = await fetch(`${server.url}/api/products`)
    expect([res.status, await res.json()]).toEqual([200, { docs: [], from: 'next' }])
    expect(calls).toBe(1)
  })

  it('should answer 500 when Next fails while filling the cache, and store nothing', async () => {
    let filled: CachedResponse | null | undefined
    server = await startHandlerServer(fakeNext, {
      cache: scriptedCache({
        fill: async (_key, produce) => {
          filled = await produce()
          return filled
        },
      }),
    })
    const res = await fetch(`${server.url}/api/products?fail=1`)
    expect(res.status).toBe(500)
    expect(filled).toBeNull()
  })
})
