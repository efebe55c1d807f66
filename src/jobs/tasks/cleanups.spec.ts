import type { Payload } from 'payload'

import { createCleanIdempotencyKeys } from './cleanIdempotencyKeys'
import { createCleanStaleCarts } from './cleanStaleCarts'

const payload = {} as Payload
const now = () => new Date('2026-12-02T12:00:00.000Z')
// Payload calls a handler with more than these; the clean-ups read only the input and req.payload.
const run = <T>(task: { handler: unknown }, input: T) =>
  (task.handler as (args: { input: T; req: { payload: Payload } }) => Promise<{ output: unknown }>)({ input, req: { payload } })

describe('cleanIdempotencyKeys', () => {
  it('should delete the claims older than the given hours and report how many went', async () => {
    const calls: [Payload, string][] = []
    const task = createCleanIdempotencyKeys(async (p, cutoff) => (calls.push([p, cutoff.toISOString()]), 3), now)
    expect(await run(task, { olderThanHours: 2 })).toEqual({ output: { deleted: 3 } })
    expect(calls).toEqual([[payload, '2026-12-02T10:00:00.000Z']])
  })

  it('should keep a day of claims when no age is given', async () => {
    const cutoffs: string[] = []
    const task = createCleanIdempotencyKeys(async (_p, cutoff) => (cutoffs.push(cutoff.toISOString()), 0), now)
    await run(task, {})
    expect(cutoffs).toEqual(['2026-12-01T12:00:00.000Z'])
  })
})

describe('cleanStaleCarts', () => {
  it('should empty the carts untouched for the given days and report how many', async () => {
    const calls: [Payload, string][] = []
    const task = createCleanStaleCarts(async (p, cutoff) => (calls.push([p, cutoff.toISOString()]), 2), now)
    expect(await run(task, { olderThanDays: 7 })).toEqual({ output: { cleared: 2 } })
    expect(calls).toEqual([[payload, '2026-11-25T12:00:00.000Z']])
  })

  it('should keep thirty days of carts when no age is given', async () => {
    const cutoffs: string[] = []
    const task = createCleanStaleCarts(async (_p, cutoff) => (cutoffs.push(cutoff.toISOString()), 0), now)
    await run(task, {})
    expect(cutoffs).toEqual(['2026-11-02T12:00:00.000Z'])
  })
})
