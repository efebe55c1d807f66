import type { Payload } from 'payload'

import { emptyTally } from '../../src/seed/context'
import { DEMO_ADMIN, seedUsers } from '../../src/seed/seedUsers'
import { bootPayload, type TestPayload } from '../helpers/payload'

// The quick start has no ADMIN_EMAIL: the development seed makes a demo admin so docs/integrators.md step 1 works.

let app: TestPayload
let payload: Payload

const seedAs = (development: boolean, admin: { adminEmail?: string; adminPassword?: string } = {}) =>
  seedUsers({ payload, log: () => {}, tally: emptyTally(), concurrency: 1 }, { development, cmsUrl: 'http://localhost:8000', ...admin })

const admins = async () =>
  (await payload.find({ collection: 'users', where: { roles: { equals: 'admin' } }, sort: 'email', overrideAccess: true })).docs.map((u) => u.email)

beforeAll(async () => {
  app = await bootPayload()
  payload = app.payload
}, 600_000)

afterAll(async () => {
  await app?.close()
})

afterEach(async () => {
  await payload.delete({ collection: 'users', where: { id: { exists: true } }, overrideAccess: true })
})

describe('the demo admin', () => {
  it('should not be made outside development', async () => {
    await seedAs(false)
    expect(await admins()).toEqual([])
  })

  it('should not be made when ADMIN_EMAIL names the admin', async () => {
    await seedAs(true, { adminEmail: 'owner@ipswich-retail.test', adminPassword: 'owner-password-123' })
    expect(await admins()).toEqual(['owner@ipswich-retail.test'])
  })

  it('should be made in development without ADMIN_EMAIL, log in with the documented password and be listed with it', async () => {
    const { credentials } = await seedAs(true)
    const login = await payload.login({ collection: 'users', data: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password } })
    expect([login.user?.roles, credentials[0]]).toEqual([['admin'], expect.objectContaining({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password })])
  })

  it('should have a password of 16+ characters with letters, digits and a symbol', () => {
    expect(DEMO_ADMIN.password).toMatch(/^(?=.*[a-z])(?=.*\d)(?=.*[^\w\s]).{16,}$/)
  })
})
