import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { configureStore, productWithStock, staffToken } from '../helpers/shop'
import { startSmtpServer, type TestMailServer } from '../helpers/smtp'

let app: TestPayload
let payload: Payload
let smtp: TestMailServer
// Imported once Payload is up: the task reads the environment bootPayload sets when its module loads.
let digest: (args: { input: object; req: PayloadRequest }) => Promise<{ output: { skus: number; sent: boolean } }>

beforeAll(async () => {
  smtp = await startSmtpServer()
  app = await bootPayload({ SMTP_URL: smtp.url, MAIL_FROM: 'Ipswich Retail <shop@example.com>' })
  payload = app.payload
  digest = (await import('../../src/jobs/tasks/sendLowStockDigest')).sendLowStockDigest.handler as typeof digest
  await configureStore(payload)
  await payload.updateGlobal({ slug: 'store-settings', data: { lowStockRecipients: [{ email: 'stock@example.com' }] } })
})

afterAll(async () => {
  await smtp?.close()
  await app?.close()
})

/** Runs the digest task as the worker would, and answers its output. */
async function runDigest(): Promise<{ skus: number; sent: boolean }> {
  return (await digest({ input: {}, req: await createLocalReq({}, payload) })).output
}

describe('the low-stock digest job', () => {
  it('should send nothing while no SKU is at or below its threshold', async () => {
    expect(await runDigest()).toEqual({ skus: 0, sent: false })
  })

  it('should email the recipients every SKU at or below its threshold', async () => {
    const api = await restClient(payload.config)
    const staff = (await staffToken(payload)).token
    await productWithStock(payload, api, staff, 'DIGEST-LOW', 900, 2)
    await productWithStock(payload, api, staff, 'DIGEST-OK', 900, 50)
    await payload.update({ collection: 'inventory', where: { sku: { in: ['DIGEST-LOW', 'DIGEST-OK'] } }, data: { lowStockThreshold: 5 }, overrideAccess: true })
    const output = await runDigest()
    for (let i = 0; i < 40 && smtp.mails.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(output).toEqual({ skus: 1, sent: true })
    expect(smtp.mails).toHaveLength(1)
    expect(smtp.mails[0].text).toContain('DIGEST-LOW')
    expect(smtp.mails[0].text).not.toContain('DIGEST-OK')
  })
})
