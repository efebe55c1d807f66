import { describe, expect, it } from '@jest/globals'

import { sendAndRecord, stableMessageId } from './mailer'
import { metrics } from './metrics'

const email = { to: 'staff@example.com', subject: 'Low stock', html: '<p>MUG</p>', text: 'MUG' }

async function count(counter: 'emailsSent' | 'emailsFailed', template: string): Promise<number> {
  const { values } = await metrics()[counter].get()
  return values.find((v) => v.labels.template === template)?.value ?? 0
}

describe('sendAndRecord', () => {
  it('should send the rendered message and count it as sent under its template', async () => {
    const sent: unknown[] = []
    const before = await count('emailsSent', 'low_stock_alert')
    await sendAndRecord({ sendEmail: async (message) => sent.push(message) }, 'low_stock_alert', email)
    expect([sent, (await count('emailsSent', 'low_stock_alert')) - before]).toEqual([[email], 1])
  })

  it('should count a failed send under its template and rethrow, so the job retries', async () => {
    const before = await count('emailsFailed', 'low_stock_digest')
    const failing = sendAndRecord({ sendEmail: async () => Promise.reject(new Error('smtp down')) }, 'low_stock_digest', email)
    await expect(failing).rejects.toThrow('smtp down')
    expect((await count('emailsFailed', 'low_stock_digest')) - before).toBe(1)
  })
})

describe('stableMessageId', () => {
  it('should give one email the same Message-ID every time, at the sender domain', () => {
    const first = stableMessageId(['IR-000042', 'confirmation'], 'Ipswich Retail <shop@ipswich-retail.test>')
    const again = stableMessageId(['IR-000042', 'confirmation'], 'Ipswich Retail <shop@ipswich-retail.test>')
    expect([first, again]).toEqual(['<IR-000042.confirmation@ipswich-retail.test>', '<IR-000042.confirmation@ipswich-retail.test>'])
  })
})
