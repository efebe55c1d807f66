import type { Payload } from 'payload'

import { createReleaseExpiredReservationsTask } from './releaseExpiredReservations'

/** A Payload stand-in that keeps what the task warns about. */
function fakePayload() {
  const warnings: unknown[] = []
  return { warnings, payload: { logger: { warn: (details: unknown, message: string) => void warnings.push([details, message]) } } as unknown as Payload }
}

const run = (task: { handler: unknown }, payload: Payload) =>
  (task.handler as (args: { input: object; req: { payload: Payload } }) => Promise<{ output: unknown }>)({ input: {}, req: { payload } })

describe('releaseExpiredReservations task', () => {
  it('should report how many pending orders expired', async () => {
    const { payload, warnings } = fakePayload()
    const task = createReleaseExpiredReservationsTask(async () => ({ found: 2, expired: 2, failed: 0, failures: [] }))
    expect(await run(task, payload)).toEqual({ output: { expired: 2, failed: 0 } })
    expect(warnings).toEqual([])
  })

  it('should warn with the failures when some could not be released', async () => {
    const { payload, warnings } = fakePayload()
    const failures = [{ orderId: 9, code: 'busy', message: 'retry' }]
    const task = createReleaseExpiredReservationsTask(async () => ({ found: 3, expired: 2, failed: 1, failures }))
    expect(await run(task, payload)).toEqual({ output: { expired: 2, failed: 1 } })
    expect(warnings).toEqual([[{ failures }, 'Some expired reservations could not be released']])
  })
})
