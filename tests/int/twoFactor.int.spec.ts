import { generate } from 'otplib'
import type { Payload } from 'payload'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { apiKeyFor } from '../helpers/shop'

// Staff two-factor over the REST API (the admin's screens call the same endpoints; tests/e2e/twoFactor.e2e.spec.ts
// drives them in Chromium). REQUIRE_ADMIN_TWO_FACTOR stands in for staging and production, where it is always on.

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let n = 0
const password = 'staff-password-123'

// A code from the step after the current one: the enrolment may already have used the current step (replays are refused).
const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 })

async function newStaff(role: 'admin' | 'merchandiser') {
  const email = `two-factor-${role}-${++n}@example.com`
  const user = await payload.create({ collection: 'users', data: { email, password, roles: [role] }, overrideAccess: true, context: { seed: true } })
  return { id: user.id, email }
}

const login = (email: string, extra: Record<string, string> = {}) => api.post('/users/login', { email, password, ...extra })
const me = async (token: string) => (await api.get('/users/me', { token })).json.user

/** A merchandiser (not obliged) who turned two-factor on from a full session. */
async function enrolledStaff() {
  const staff = await newStaff('merchandiser')
  const token = (await login(staff.email)).json.token
  const setup = await api.post('/users/two-factor/setup', undefined, { token })
  const enabled = await api.post('/users/two-factor/enable', { code: await generate({ secret: setup.json.secret }) }, { token })
  return { ...staff, secret: setup.json.secret as string, recoveryCodes: enabled.json.recoveryCodes as string[] }
}

beforeAll(async () => {
  app = await bootPayload({ REQUIRE_ADMIN_TWO_FACTOR: 'true' })
  payload = app.payload
  api = await restClient(payload.config)
})

afterAll(async () => {
  await app.close()
})

it('should send an admin without two-factor to enrolment and open nothing else until it is done', async () => {
  const admin = await newStaff('admin')
  const first = await login(admin.email)
  const token = first.json.token
  const refused = await Promise.all([me(token), api.get('/audit-log', { token }).then((r) => r.status), api.get('/customers', { token }).then((r) => r.status)])
  const setup = await api.post('/users/two-factor/setup', undefined, { token })
  const enabled = await api.post('/users/two-factor/enable', { code: await generate({ secret: setup.json.secret }) }, { token })
  expect([first.status, first.json.twoFactor, ...refused]).toEqual([200, 'enrol', null, 403, 403])
  expect([enabled.status, enabled.json.recoveryCodes.length, (await me(token))?.email]).toEqual([200, 10, admin.email])
})

it('should park an enrolled login without a code until the code is given', async () => {
  const staff = await enrolledStaff()
  const first = await login(staff.email)
  const token = first.json.token
  const before = await me(token)
  const wrong = await api.post('/users/two-factor/verify', { code: '000000' }, { token })
  const right = await api.post('/users/two-factor/verify', { code: await nextCode(staff.secret) }, { token })
  expect([first.json.twoFactor, before, wrong.status, wrong.json.error.code]).toEqual(['verify', null, 401, 'two_factor_invalid'])
  expect([right.status, (await me(token))?.email]).toEqual([200, staff.email])
})

it('should log an enrolled account in over the API only with its code in the login body', async () => {
  const staff = await enrolledStaff()
  const wrong = await login(staff.email, { code: '123456' })
  const right = await login(staff.email, { code: await nextCode(staff.secret) })
  expect([wrong.status, wrong.json.error.code, wrong.json.token]).toEqual([401, 'two_factor_invalid', undefined])
  expect([right.status, right.json.twoFactor, (await me(right.json.token))?.email]).toEqual([200, undefined, staff.email])
})

it('should take a recovery code once and refuse it the second time', async () => {
  const staff = await enrolledStaff()
  const code = staff.recoveryCodes[0]
  const first = await login(staff.email, { code })
  const second = await login(staff.email, { code })
  expect([first.status, second.status, second.json.error.code]).toEqual([200, 401, 'two_factor_invalid'])
})

it('should refuse a sixth code in fifteen minutes even when it is right', async () => {
  const staff = await enrolledStaff()
  const token = (await login(staff.email)).json.token
  const statuses = []
  for (let i = 0; i < 4; i++) statuses.push((await api.post('/users/two-factor/verify', { code: '000000' }, { token })).status)
  statuses.push((await api.post('/users/two-factor/verify', { code: await nextCode(staff.secret) }, { token })).status)
  expect(statuses).toEqual([401, 401, 401, 401, 429])
})

it('should never show the secret or the recovery codes, not even to the account itself', async () => {
  const staff = await enrolledStaff()
  const token = (await login(staff.email, { code: staff.recoveryCodes[1] })).json.token
  const rest = await api.get(`/users/${staff.id}`, { token })
  const gql = await api.gql(`{ User(id: ${staff.id}) { twoFactor } }`, { token })
  expect([rest.status, rest.json.twoFactor, rest.json.twoFactorEnabled, JSON.stringify(rest.json)]).toEqual([
    200,
    undefined,
    true,
    expect.not.stringContaining('v1.'),
  ])
  expect([gql.json.data?.User?.twoFactor ?? null, JSON.stringify(gql.json)]).toEqual([null, expect.not.stringContaining('v1.')])
})

it('should leave API keys working without any code', async () => {
  const key = await apiKeyFor(payload, ['catalogue:read'])
  const res = await api.get('/stock-movements?limit=1', { headers: { authorization: key.header } })
  expect(res.status).toBe(200)
})

it('should record enrolment and turning it off in the audit log', async () => {
  const staff = await enrolledStaff()
  const token = (await login(staff.email, { code: staff.recoveryCodes[2] })).json.token
  const off = await api.post('/users/two-factor/disable', { code: await nextCode(staff.secret) }, { token })
  const rows = await payload.find({ collection: 'audit-log', where: { targetId: { equals: String(staff.id) } }, sort: 'createdAt', limit: 50 })
  expect(off.status).toBe(200)
  expect(rows.docs.map((r) => r.action)).toEqual(
    expect.arrayContaining(['two_factor.enrolled', 'login.succeeded', 'two_factor.recovery_code_used', 'two_factor.disabled']),
  )
})
