import type { Payload } from 'payload'

import { CLIENT_ADDRESS_HEADER, signClientAddress } from '../../src/commerce/clientAddressSignature'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { staffToken } from '../helpers/shop'
import { startSmtpServer, type TestMailServer } from '../helpers/smtp'

// Accounts (issue 18, item 3): who may change an email or password, the password policy, the same answers for known
// and unknown emails, and a login delay in place of Payload's lockout.
let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let smtp: TestMailServer

beforeAll(async () => {
  smtp = await startSmtpServer()
  // The login delay lives in Redis when TEST_REDIS_URL is set (with TEST_DATABASE_URL: PostgreSQL), in process otherwise.
  app = await bootPayload({
    SMTP_URL: smtp.url,
    STOREFRONT_URL: 'http://shop.test',
    REDIS_URL: process.env.TEST_REDIS_URL ?? '',
    REDIS_KEY_PREFIX: `accounts-${process.pid}-${Date.now()}:`,
  })
  payload = app.payload
  api = await restClient(payload.config)
})

afterAll(async () => {
  await app?.close()
  await smtp?.close()
})

let n = 0
const newCustomer = async () =>
  payload.create({ collection: 'customers', data: { email: `holder-${++n}-${Date.now()}@example.com`, password: 'right-password-1', name: 'Holder' } })
const from = (address: string) => ({ headers: { [CLIENT_ADDRESS_HEADER]: signClientAddress(address, process.env.CLIENT_ADDRESS_SECRET!) } })
const waitForMail = async (to: string) => {
  for (let i = 0; i < 50 && !smtp.mails.some((m) => JSON.stringify(m.to).includes(to)); i++) await new Promise((r) => setTimeout(r, 100))
  return smtp.mails.find((m) => JSON.stringify(m.to).includes(to))
}

describe("who changes a customer's email or password", () => {
  it("should refuse the merchandiser's and fulfilment's password change with a 403 that says to send a reset link", async () => {
    const customer = await newCustomer()
    const merchandiser = await staffToken(payload, 'merchandiser')
    const fulfilment = await staffToken(payload, 'fulfilment')
    const answers = [
      await api.patch(`/customers/${customer.id}`, { password: 'taken-over-password-9' }, { token: merchandiser.token }),
      await api.patch(`/customers/${customer.id}`, { email: 'attacker@example.com' }, { token: fulfilment.token }),
    ]
    const login = await api.post('/customers/login', { email: customer.email, password: 'right-password-1' })
    expect(answers.map((a) => [a.status, a.json.error.code, a.json.error.message])).toEqual([
      [403, 'forbidden', expect.stringMatching(/reset link/)],
      [403, 'forbidden', expect.stringMatching(/reset link/)],
    ])
    expect(login.status).toBe(200)
  })

  it('should let the customer and an admin change it', async () => {
    const customer = await newCustomer()
    const own = await api.post('/customers/login', { email: customer.email, password: 'right-password-1' })
    const admin = await staffToken(payload, 'admin')
    const bySelf = await api.patch(`/customers/${customer.id}`, { password: 'my-own-new-password-7' }, { token: own.json.token })
    const byAdmin = await api.patch(`/customers/${customer.id}`, { email: `changed-${customer.email}` }, { token: admin.token })
    expect([bySelf.status, byAdmin.status]).toEqual([200, 200])
  })

  it('should let only admins unlock staff accounts', async () => {
    const merchandiser = await staffToken(payload, 'merchandiser')
    const admin = await staffToken(payload, 'admin')
    const target = await staffToken(payload, 'fulfilment')
    const email = (await payload.findByID({ collection: 'users', id: target.id })).email
    const answers = [
      await api.post('/users/unlock', { email }, { token: merchandiser.token }),
      await api.post('/users/unlock', { email }, { token: admin.token }),
    ]
    expect(answers.map((a) => a.status)).toEqual([403, 200])
  })
})

describe('password policy', () => {
  it('should refuse a 3-character password on registration with a clear 400', async () => {
    const res = await api.post('/customers', { email: 'short@example.com', password: 'abc' })
    expect([res.status, res.json.error.code, res.json.error.message]).toEqual([400, 'weak_password', 'Use at least 8 characters for your password.'])
  })

  it('should refuse a common password and a short staff password, whoever sets it', async () => {
    const admin = await staffToken(payload, 'admin')
    const customer = await newCustomer()
    const own = await api.post('/customers/login', { email: customer.email, password: 'right-password-1' })
    const answers = [
      await api.post('/customers', { email: 'common@example.com', password: 'password1' }),
      await api.post('/users', { email: 'new-staff@example.com', password: 'nine-char', roles: ['merchandiser'] }, { token: admin.token }),
      await api.patch(`/customers/${customer.id}`, { password: 'abc' }, { token: own.json.token }),
    ]
    expect(answers.map((a) => [a.status, a.json.error.message])).toEqual([
      [400, 'This is one of the most common passwords and easy to guess: choose another.'],
      [400, expect.stringMatching(/password/)],
      [400, expect.stringMatching(/password/)],
    ])
    expect(answers.slice(1).map((a) => a.json.errors[0].data.errors[0].message)).toEqual([
      'Use at least 10 characters for your password.',
      'Use at least 8 characters for your password.',
    ])
  })
})

describe('the same answer for known and unknown emails', () => {
  it('should answer a bad login alike', async () => {
    const customer = await newCustomer()
    const known = await api.post('/customers/login', { email: customer.email, password: 'wrong-password-1' }, from('192.0.2.1'))
    const unknown = await api.post('/customers/login', { email: 'no-such-shopper@example.com', password: 'wrong-password-1' }, from('192.0.2.1'))
    expect([known.status, known.json]).toEqual([unknown.status, unknown.json])
  })

  it('should answer a registration alike and email the owner of a taken address instead', async () => {
    const customer = await newCustomer()
    const taken = await api.post('/customers', { email: customer.email, password: 'another-password-5', name: 'Someone' })
    const fresh = await api.post('/customers', { email: `fresh-${Date.now()}@example.com`, password: 'another-password-5', name: 'Someone' })
    const mail = await waitForMail(customer.email)
    expect([taken.status, taken.json]).toEqual([fresh.status, fresh.json])
    expect([taken.status, mail?.html]).toEqual([201, expect.stringContaining('already has one')])
  })

  it("should answer a customer's forgotten-password request alike, and still email a working link to a known address", async () => {
    const customer = await newCustomer()
    const known = await api.post('/customers/forgot-password', { email: customer.email })
    const unknown = await api.post('/customers/forgot-password', { email: 'nobody-at-all@example.com' })
    await payload.jobs.run({ limit: 20 })
    const token = /token=([0-9a-f]+)/.exec(String((await waitForMail(customer.email))?.html))?.[1]
    const reset = await api.post('/customers/reset-password', { token, password: 'chosen-again-password-4' })
    const relogin = await api.post('/customers/login', { email: customer.email, password: 'chosen-again-password-4' })
    expect([known.status, known.text]).toEqual([unknown.status, unknown.text])
    expect([known.status, reset.status, relogin.status, smtp.mails.some((m) => JSON.stringify(m.to).includes('nobody-at-all'))]).toEqual([200, 200, 200, false])
  })

  it("should answer a staff member's forgotten-password request alike, and email a working admin link", async () => {
    const staff = await staffToken(payload, 'merchandiser')
    const email = (await payload.findByID({ collection: 'users', id: staff.id })).email
    const known = await api.post('/users/forgot-password', { email })
    const unknown = await api.post('/users/forgot-password', { email: 'no-staff-at-all@example.com' })
    await payload.jobs.run({ limit: 20 })
    const token = /\/reset\/([0-9a-f]+)/.exec(String((await waitForMail(email))?.html))?.[1]
    const reset = await api.post('/users/reset-password', { token, password: 'a-new-staff-password-42' })
    expect([known.status, known.text]).toEqual([unknown.status, unknown.text])
    expect([known.status, reset.status]).toEqual([200, 200])
  })

  it('should answer forgotPasswordCustomer and forgotPasswordUser alike over GraphQL, and queue the same email', async () => {
    const customer = await newCustomer()
    const ask = (mutation: string, email: string) => api.gql(`mutation ($email: String!) { ${mutation}(email: $email) }`, { variables: { email } })
    const answers = [
      await ask('forgotPasswordCustomer', customer.email),
      await ask('forgotPasswordCustomer', 'nobody-by-graphql@example.com'),
      await ask('forgotPasswordUser', customer.email),
      await ask('forgotPasswordUser', 'nobody-by-graphql@example.com'),
    ]
    await payload.jobs.run({ limit: 20 })
    const mail = await waitForMail(customer.email)
    expect([answers[0].json, answers[2].json]).toEqual([answers[1].json, answers[3].json])
    expect(answers[0].json).toEqual({ data: { forgotPasswordCustomer: true } })
    expect(String(mail?.html)).toContain('http://shop.test/account/reset-password?token=')
  })

  it('should refuse a forgotten-password request without a valid email with a clear 400', async () => {
    const res = await api.post('/customers/forgot-password', { email: 'not an email' })
    expect([res.status, res.json.error.code]).toEqual([400, 'invalid_email'])
  })
})

describe('login delay instead of lockout', () => {
  it('should slow down bad logins to one account from one address without locking out its owner elsewhere', async () => {
    const customer = await newCustomer()
    const statuses = []
    for (let i = 0; i < 5; i++)
      statuses.push((await api.post('/customers/login', { email: customer.email, password: 'wrong-password-1' }, from('192.0.2.66'))).status)
    const owner = await api.post('/customers/login', { email: customer.email, password: 'right-password-1' }, from('192.0.2.77'))
    expect([...statuses, owner.status]).toEqual([401, 401, 401, 401, 429, 200])
  })
})
