import type { PayloadRequest } from 'payload'

import { makeFirstUserAdmin } from './makeFirstUserAdmin'

const reqWithUsers = (totalDocs: number) => ({ payload: { count: async () => ({ totalDocs }) } }) as unknown as PayloadRequest

const create = (roles: string[], context: Record<string, unknown>) =>
  makeFirstUserAdmin({ data: { roles }, operation: 'create', req: reqWithUsers(0), context } as unknown as Parameters<typeof makeFirstUserAdmin>[0])

describe('makeFirstUserAdmin', () => {
  it('should make the first staff account an admin', async () => {
    expect(await create(['merchandiser'], {})).toEqual({ roles: ['admin'] })
  })

  it('should keep the roles the seeder gives even to the first account', async () => {
    expect(await create(['merchandiser'], { seed: true })).toEqual({ roles: ['merchandiser'] })
  })
})
