import { generate } from 'otplib'
import type { Payload } from 'payload'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { apiKeyFor } from '../helpers/shop'
import { CLIENT_ADDRESS_HEADER, signClientAddress } from '../../src/commerce/clientAddressSignature'

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

/** A staff member who turned two-factor on (a merchandiser from a full session, an admin from the enrol-first login); `token` is live. */
async function enrolledStaff(role: 'admin' | 'merchandiser' = 'merchandiser') {
  const staff = await newStaff(role)
  const token = (await login(staff.email)).json.token
  const setup = await api.post('/users/two-factor/setup', undefined, { token })
  const enabled = await api.post('/users/two-factor/enable', { code: await generate({ secret: setup.json.secret }) }, { token })
  return { ...staff, token: token as string, secret: setup.json.secret as string, recoveryCodes: enabled.json.recoveryCodes as string[] }
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

it('should refuse any code after five wrong ones in fifteen minutes, even a right one', async () => {
  const staff = await enrolledStaff()
  const token = (await login(staff.email)).json.token
  const statuses = []
  for (let i = 0; i < 5; i++) statuses.push((await api.post('/users/two-factor/verify', { code: '000000' }, { token })).status)
  statuses.push((await api.post('/users/two-factor/verify', { code: await nextCode(staff.secret) }, { token })).status)
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
})

it('should count only wrong codes: an admin who logs in often is never shut out', async () => {
  const staff = await enrolledStaff()
  const statuses = []
  for (const code of staff.recoveryCodes.slice(2, 9)) statuses.push((await login(staff.email, { code })).status)
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200])
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

describe('GraphQL loginUser', () => {
  const loginUser = `mutation ($email: String!, $password: String, $code: String) {
    loginUser(email: $email, password: $password, code: $code) { token user { email } }
  }`
  const gqlLogin = (email: string, variables: Record<string, string> = {}) => api.gql(loginUser, { variables: { email, password, ...variables } })

  it('should refuse an enrolled admin without the code, giving no token, and let the right code in', async () => {
    const admin = await enrolledStaff('admin')
    const without = await gqlLogin(admin.email)
    const withCode = await gqlLogin(admin.email, { code: await nextCode(admin.secret) })
    const token = withCode.json.data.loginUser.token
    const audit = await api.get('/audit-log?limit=1', { token })
    expect([without.json.data?.loginUser ?? null, without.json.errors[0].extensions.code, JSON.stringify(without.json)]).toEqual([
      null,
      'two_factor_required',
      expect.not.stringContaining('"token"'),
    ])
    expect([withCode.json.data.loginUser.user.email, (await me(token))?.email, audit.status]).toEqual([admin.email, admin.email, 200])
  })

  it('should refuse a wrong code and an admin who has not enrolled yet', async () => {
    const enrolled = await enrolledStaff('admin')
    const notEnrolled = await newStaff('admin')
    const wrong = await gqlLogin(enrolled.email, { code: '000000' })
    const unenrolled = await gqlLogin(notEnrolled.email)
    expect([wrong.json.data?.loginUser ?? null, wrong.json.errors[0].extensions.code]).toEqual([null, 'two_factor_invalid'])
    expect([unenrolled.json.data?.loginUser ?? null, unenrolled.json.errors[0].extensions.code]).toEqual([null, 'two_factor_required'])
  })

  it('should answer a wrong password and an unknown email alike', async () => {
    const staff = await newStaff('merchandiser')
    const known = await gqlLogin(staff.email, { password: 'not-the-password-1' })
    const unknown = await gqlLogin(`nobody-${++n}@example.com`, { password: 'not-the-password-1' })
    expect(known.json).toEqual(unknown.json)
  })
})

describe('failed staff logins in the audit log', () => {
  const failures = async (email: string) =>
    (
      await payload.find({ collection: 'audit-log', where: { and: [{ action: { equals: 'login.failed' } }, { actorEmail: { equals: email } }] }, limit: 50 })
    ).docs
      .map((row) => `${(row.details as { via: string }).via} ${(row.details as { reason: string }).reason}`)
      .sort()

  it('should record wrong passwords, unknown emails and wrong or missing codes over REST and GraphQL', async () => {
    const staff = await enrolledStaff()
    const unknown = `nobody-${++n}@example.com`
    const gql = (email: string, args: string) => api.gql(`mutation { loginUser(email: "${email}", ${args}) { token } }`)
    await login(staff.email, { password: 'not-the-password-1' })
    await gql(staff.email, 'password: "not-the-password-1"')
    await gql(unknown, 'password: "not-the-password-1"')
    await gql(staff.email, `password: "${password}", code: "000000"`)
    await gql(staff.email, `password: "${password}"`)
    expect(await failures(staff.email)).toEqual([
      'graphql bad_credentials',
      'graphql two_factor_invalid',
      'graphql two_factor_required',
      'rest bad_credentials',
    ])
    expect(await failures(unknown)).toEqual(['graphql bad_credentials'])
  })

  it('should record a GraphQL login refused while the account and address wait', async () => {
    const staff = await newStaff('merchandiser')
    const from = { headers: { [CLIENT_ADDRESS_HEADER]: signClientAddress('192.0.2.18', process.env.CLIENT_ADDRESS_SECRET!) } }
    const answers = []
    // Three free failures, then 1 s, 2 s, 4 s … between tries (src/infra/loginDelay.ts): by the seventh try the wait
    // outlasts a login even on a loaded machine.
    for (let i = 0; i < 7; i++) answers.push(await api.gql(`mutation { loginUser(email: "${staff.email}", password: "wrong-${i}") { token } }`, from))
    const codes: string[] = answers.map((a) => a.json.errors[0].extensions.code)
    expect(codes).toContain('rate_limited')
    expect(await failures(staff.email)).toEqual(codes.map((code) => (code === 'rate_limited' ? 'graphql delayed' : 'graphql bad_credentials')).sort())
  })
})

describe("an admin's reset of another staff member's two-factor", () => {
  const reset = (id: number | string, token: string) => api.post(`/users/${id}/two-factor/reset`, undefined, { token })

  it("should refuse non-admins, the admin's own account, unknown ids and accounts without two-factor", async () => {
    const admin = await enrolledStaff('admin')
    const merchandiser = await enrolledStaff()
    const plain = await newStaff('merchandiser')
    const answers = [
      await reset(admin.id, merchandiser.token),
      await reset(admin.id, admin.token),
      await reset(999999, admin.token),
      await reset(plain.id, admin.token),
      await api.post(`/users/${merchandiser.id}/two-factor/reset`),
    ]
    expect(answers.map((a) => `${a.status} ${a.json.error.code}`)).toEqual([
      '403 forbidden',
      '403 own_two_factor',
      '404 not_found',
      '409 two_factor_not_enabled',
      '401 unauthenticated',
    ])
    expect(answers[0].json.error.message).toContain('Only an admin')
  })

  it('should clear the secret, the recovery codes and parked logins, and send an admin back to enrolment', async () => {
    const admin = await enrolledStaff('admin')
    const colleague = await enrolledStaff('admin')
    const parked = (await login(colleague.email)).json.token
    const answer = await reset(colleague.id, admin.token)
    const verifyParked = await api.post('/users/two-factor/verify', { code: await nextCode(colleague.secret) }, { token: parked })
    const withRecovery = await login(colleague.email, { code: colleague.recoveryCodes[0] })
    const next = await login(colleague.email)
    const rows = await payload.find({
      collection: 'audit-log',
      where: { and: [{ action: { equals: 'two_factor.reset' } }, { targetId: { equals: String(colleague.id) } }] },
    })
    expect([answer.status, answer.json, verifyParked.status, withRecovery.json.twoFactor, next.json.twoFactor]).toEqual([
      200,
      { enabled: false },
      401,
      'enrol',
      'enrol',
    ])
    expect(rows.docs.map((r) => [r.actorEmail, r.targetEmail])).toEqual([[admin.email, colleague.email]])
  })
})
