import { APIError, type PayloadRequest } from 'payload'

import { CommerceError } from '../commerce/errors'
import { actorOf, endpoint, json, readJsonBody, requireScope } from './respond'

// What a client of the commerce endpoints gets back for each kind of refusal.
function request(overrides: Partial<PayloadRequest> = {}): PayloadRequest & { logged: unknown[] } {
  const logged: unknown[] = []
  const logger = { error: (...args: unknown[]) => logged.push(args) }
  return { url: 'http://localhost/api/x', payload: { logger }, logged, ...overrides } as unknown as PayloadRequest & { logged: unknown[] }
}

const answer = async (res: Response) => [res.status, await res.json(), res.headers.get('cache-control')]

describe('json', () => {
  it('should answer JSON that no cache keeps, with extra headers', async () => {
    const res = json({ ok: true }, 201, { location: '/x' })
    expect([...(await answer(res)), res.headers.get('location')]).toEqual([201, { ok: true }, 'no-store', '/x'])
  })
})

describe('endpoint', () => {
  it('should answer a CommerceError with its status and body, and a 503 with Retry-After', async () => {
    const refused = await endpoint(async () => {
      throw new CommerceError(409, 'out_of_stock', 'Only 2 left')
    })(request())
    const busy = await endpoint(async () => {
      throw new CommerceError(503, 'busy', 'Try again')
    })(request())
    expect(await answer(refused)).toEqual([409, { error: { code: 'out_of_stock', message: 'Only 2 left' } }, 'no-store'])
    expect([busy.status, busy.headers.get('retry-after')]).toEqual([503, '1'])
  })

  it("should answer Payload's 4xx errors with their status, a stable code for the status and their message", async () => {
    const res = await endpoint(async () => {
      throw new APIError('Not allowed here', 403, { field: 'x' })
    })(request())
    expect(await answer(res)).toEqual([403, { error: { code: 'forbidden', message: 'Not allowed here', details: { field: 'x' } } }, 'no-store'])
  })

  it('should answer anything else with a 500 that hides the cause, and log it', async () => {
    const req = request()
    const res = await endpoint(async () => {
      throw new Error('connection lost to 10.0.0.5')
    })(req)
    expect(await answer(res)).toEqual([500, { error: { code: 'internal_error', message: 'Something went wrong on our side' } }, 'no-store'])
    expect(req.logged).toHaveLength(1)
  })

  it('should pass a successful answer through unchanged', async () => {
    const res = await endpoint(async () => json({ fine: 1 }))(request())
    expect(await answer(res)).toEqual([200, { fine: 1 }, 'no-store'])
  })
})

describe('readJsonBody', () => {
  it('should read the JSON body', async () => {
    expect(await readJsonBody(request({ json: async () => ({ a: 1 }) }))).toEqual({ a: 1 })
  })

  it('should refuse a missing or malformed body with 400 invalid_json', async () => {
    const missing = readJsonBody(request({ json: undefined }))
    const malformed = readJsonBody(
      request({
        json: async () => {
          throw new SyntaxError('Unexpected token')
        },
      }),
    )
    await expect(missing).rejects.toMatchObject({ status: 400, code: 'invalid_json', message: 'Send a JSON request body' })
    await expect(malformed).rejects.toMatchObject({ status: 400, code: 'invalid_json', message: 'The request body is not valid JSON' })
  })
})

describe('requireScope', () => {
  it('should refuse a guest with 401, a customer and a merchandiser without the scope with 403, and let a holder through', () => {
    const merchandiser = { id: 1, collection: 'users', roles: ['merchandiser'] }
    expect(() => requireScope(request(), 'orders:write')).toThrow(expect.objectContaining({ status: 401, code: 'unauthenticated' }))
    expect(() => requireScope(request({ user: { id: 1, collection: 'customers' } as never }), 'orders:write')).toThrow(
      expect.objectContaining({ status: 403, code: 'forbidden' }),
    )
    expect(() => requireScope(request({ user: merchandiser as never }), 'orders:write')).toThrow(expect.objectContaining({ status: 403 }))
    expect(requireScope(request({ user: merchandiser as never }), 'inventory:write')).toBeUndefined()
  })

  it('should let an active API key through with its scope and refuse a revoked one', () => {
    const key = { id: 9, collection: 'integrations', scopes: ['inventory:write'], active: true }
    expect(requireScope(request({ user: key as never }), 'inventory:write')).toBeUndefined()
    expect(() => requireScope(request({ user: { ...key, active: false } as never }), 'inventory:write')).toThrow(expect.objectContaining({ status: 403 }))
  })
})

describe('actorOf', () => {
  it('should record a staff id and name, and name an API key without an id', () => {
    expect(actorOf(request({ user: { id: 4, collection: 'users', name: 'Sam' } as never }))).toEqual({ by: 4, byName: 'Sam' })
    expect(actorOf(request({ user: { id: 9, collection: 'integrations', name: 'Warehouse' } as never }))).toEqual({ by: null, byName: 'API key: Warehouse' })
  })
})
