import type { Payload } from 'payload'

import { DEFAULT_HOLD_LIMITS } from '../../src/commerce/holds'
import { paymentInstructionLines } from '../../src/commerce/paymentInstructions'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { checkoutBody, configureStore, customerToken, newKey, productWithStock, staffToken } from '../helpers/shop'
import { freePort, startSmtpServer, type TestMailServer } from '../helpers/smtp'

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string
let smtp: TestMailServer

const BANK = { accountName: 'Ipswich Retail Ltd', sortCode: '12 34 56', accountNumber: '1234 5678' }
let shoppers = 0
// A mailbox each: one email may keep only so many unpaid orders (src/commerce/holds.ts).
const bankBody = (extra: Record<string, unknown> = {}) =>
  checkoutBody([{ sku: 'BANK-1', quantity: 2 }], { paymentMethod: 'manual', card: undefined, email: `bank-${++shoppers}@example.com`, ...extra })

beforeAll(async () => {
  const port = await freePort()
  smtp = await startSmtpServer(port)
  app = await bootPayload({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Ipswich Retail <shop@example.com>' })
  payload = app.payload
  api = await restClient(payload.config)
  await configureStore(payload)
  staff = (await staffToken(payload)).token
  await productWithStock(payload, api, staff, 'BANK-1', 1250, 50)
  const saved = await api.post('/globals/store-settings', { bankDetails: BANK }, { token: staff })
  if (saved.status !== 200) throw new Error(`settings: ${saved.status} ${saved.text}`)
})

afterAll(async () => {
  await smtp.close()
  await app.close()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function confirmationFor(orderNumber: string) {
  for (let i = 0; i < 30; i++) {
    const mail = smtp.mails.find((m) => m.subject?.startsWith(`Thank you for your order ${orderNumber}`))
    if (mail) return mail
    await payload.jobs.run({ limit: 50 })
    await sleep(250)
  }
  return undefined
}

async function placeBankOrder(extra: Record<string, unknown> = {}, token?: string) {
  const placed = await api.post('/checkout', bankBody(extra), { headers: { 'idempotency-key': newKey() }, token })
  if (placed.status !== 201) throw new Error(`checkout: ${placed.status} ${placed.text}`)
  const { orderNumber } = placed.json.order
  const lookup = await api.get(`/orders/lookup?number=${orderNumber}&token=${placed.json.lookupToken}`)
  if (lookup.status !== 200) throw new Error(`lookup: ${lookup.status} ${lookup.text}`)
  return { orderNumber, order: lookup.json.order }
}

describe('bank details in the store settings', () => {
  it('should refuse a malformed sort code with 400 and the rule’s message', async () => {
    const res = await api.post('/globals/store-settings', { bankDetails: { ...BANK, sortCode: '12-34-5' } }, { token: staff })
    expect(res.status).toBe(400)
    expect(res.text).toContain('must be a UK sort code: six digits, e.g. 12-34-56 or 123456')
  })

  it('should refuse an account number that is not 8 digits with 400 and the rule’s message', async () => {
    const res = await api.post('/globals/store-settings', { bankDetails: { ...BANK, accountNumber: '1234567' } }, { token: staff })
    expect(res.status).toBe(400)
    expect(res.text).toContain('must be a UK account number: 8 digits, e.g. 12345678')
  })

  it('should save the sort code and account number in their normal form', async () => {
    const settings = await payload.findGlobal({ slug: 'store-settings', depth: 0 })
    expect([settings.bankDetails?.sortCode, settings.bankDetails?.accountNumber]).toEqual(['12-34-56', '12345678'])
  })

  it('should keep the bank details out of the public settings', async () => {
    const res = await api.get('/globals/store-settings')
    expect(res.text).not.toContain('12345678')
  })
})

describe('a bank-transfer order', () => {
  it('should answer the look-up with the amount, bank details, order number as reference and pay-by day', async () => {
    const { orderNumber, order } = await placeBankOrder()
    // A signed-out shopper's order holds stock for the anonymous hold minutes only (issue 18).
    const payBy = new Date(new Date(order.createdAt).getTime() + DEFAULT_HOLD_LIMITS.anonymousHoldMinutes * 60_000)
    expect(order.paymentInstructions).toEqual({
      method: 'bank-transfer',
      amount: '£28.95',
      reference: orderNumber,
      payBy: expect.any(String),
      payByDate: payBy.toLocaleDateString('en-CA', { timeZone: 'Europe/London' }),
      bank: { accountName: 'Ipswich Retail Ltd', sortCode: '12-34-56', accountNumber: '12345678', iban: null, bic: null },
    })
  })

  it('should email the same instructions the look-up answers', async () => {
    const { orderNumber, order } = await placeBankOrder()
    const mail = await confirmationFor(orderNumber)
    expect(mail?.text).toContain(paymentInstructionLines(order.paymentInstructions).join('\n'))
  })

  it('should give a customer the same instructions on their own order', async () => {
    const customer = await customerToken(payload)
    const { orderNumber, order } = await placeBankOrder({ email: customer.email }, customer.token)
    const own = await api.get(`/orders?where[orderNumber][equals]=${orderNumber}&depth=0`, { token: customer.token })
    expect(own.json.docs[0].paymentInstructions).toEqual(order.paymentInstructions)
  })

  it('should give no instructions on a card order', async () => {
    const placed = await api.post('/checkout', checkoutBody([{ sku: 'BANK-1', quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    const lookup = await api.get(`/orders/lookup?number=${placed.json.order.orderNumber}&token=${placed.json.lookupToken}`)
    expect([lookup.status, lookup.json.order.paymentInstructions]).toEqual([200, null])
  })

  it('should say the shop will email details while none are set', async () => {
    await payload.updateGlobal({ slug: 'store-settings', data: { bankDetails: { accountName: '', sortCode: '', accountNumber: '' } } })
    const { orderNumber, order } = await placeBankOrder()
    const mail = await confirmationFor(orderNumber)
    await payload.updateGlobal({ slug: 'store-settings', data: { bankDetails: BANK } })
    expect(order.paymentInstructions.bank).toBeNull()
    expect(mail?.text).toContain('The shop will email you payment details.')
  })
})
