import type { Payload } from 'payload'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { startSmtpServer, type TestMailServer } from '../helpers/smtp'

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let smtp: TestMailServer

beforeAll(async () => {
  smtp = await startSmtpServer()
  app = await bootPayload({ SMTP_URL: smtp.url, STOREFRONT_URL: 'http://shop.test' })
  payload = app.payload
  api = await restClient(payload.config)
})

afterAll(async () => {
  await app.close()
  await smtp.close()
})

describe('customer accounts', () => {
  it('should register, log in and read only their own profile', async () => {
    const created = await api.post('/customers', { email: 'reg@example.com', password: 'password-123', name: 'Reg' })
    const login = await api.post('/customers/login', { email: 'reg@example.com', password: 'password-123' })
    const me = await api.get('/customers/me', { token: login.json.token })
    const all = await api.get('/customers', { token: login.json.token })
    expect([created.status, login.status]).toEqual([201, 200])
    expect(me.json.user.email).toBe('reg@example.com')
    expect(all.json.docs.map((c: { email: string }) => c.email)).toEqual(['reg@example.com'])
  })

  it('should email a reset link to the storefront and accept the new password', async () => {
    await payload.create({ collection: 'customers', data: { email: 'forgot@example.com', password: 'old-password-1' } })
    const asked = await api.post('/customers/forgot-password', { email: 'forgot@example.com' })
    expect(asked.status).toBe(200)
    // The request only queues the reset; the jobs queue sends it (src/jobs/tasks/sendPasswordReset.ts).
    await payload.jobs.run({ limit: 20 })
    for (let i = 0; i < 40 && !smtp.mails.some((m) => m.html && String(m.html).includes('reset-password')); i++) await new Promise((r) => setTimeout(r, 100))
    const mail = smtp.mails.find((m) => String(m.html).includes('reset-password'))
    const token = /token=([^"&<]+)/.exec(String(mail?.html))?.[1]
    expect(mail?.html).toContain('http://shop.test/account/reset-password?token=')
    const reset = await api.post('/customers/reset-password', { token: decodeURIComponent(token ?? ''), password: 'new-password-2' })
    const login = await api.post('/customers/login', { email: 'forgot@example.com', password: 'new-password-2' })
    expect([reset.status, login.status]).toEqual([200, 200])
  })

  it('should not lock an account after repeated failed logins: its owner still logs in', async () => {
    await payload.create({ collection: 'customers', data: { email: 'lock@example.com', password: 'right-password-1' } })
    for (let i = 0; i < 3; i++) await api.post('/customers/login', { email: 'lock@example.com', password: 'wrong-password' })
    const res = await api.post('/customers/login', { email: 'lock@example.com', password: 'right-password-1' })
    expect(res.status).toBe(200)
  })
})
