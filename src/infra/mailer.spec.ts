import { describe, expect, it } from '@jest/globals'

import { memorySentRecord, redisSentRecord, sendAndRecord, stableMessageId, type SentRecord } from './mailer'
import type { Redis } from './redis'
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

describe('sendAndRecord with a Message-ID', () => {
  const record = (): SentRecord & { ids: Set<string> } => {
    const ids = new Set<string>()
    return { ids, has: async (id) => ids.has(id), add: async (id) => void ids.add(id) }
  }

  it('should send an email once however often its job runs (a runner killed before marking the job done)', async () => {
    const sent: unknown[] = []
    const mailer = { sendEmail: async (message: unknown) => sent.push(message) }
    const seen = record()
    await sendAndRecord(mailer, 'order_confirmation', email, '<IR-1.confirmation@example.com>', seen)
    await sendAndRecord(mailer, 'order_confirmation', email, '<IR-1.confirmation@example.com>', seen)
    await sendAndRecord(mailer, 'order_confirmation', email, '<IR-2.confirmation@example.com>', seen)
    expect(sent).toHaveLength(2)
  })

  it('should not record an email the server refused, so the retry sends it', async () => {
    const seen = record()
    let up = false
    const mailer = { sendEmail: async () => (up ? undefined : Promise.reject(new Error('smtp down'))) }
    await expect(sendAndRecord(mailer, 'order_confirmation', email, '<IR-3.confirmation@example.com>', seen)).rejects.toThrow('smtp down')
    const afterFailure = seen.ids.has('<IR-3.confirmation@example.com>')
    up = true
    await sendAndRecord(mailer, 'order_confirmation', email, '<IR-3.confirmation@example.com>', seen)
    expect([afterFailure, seen.ids.has('<IR-3.confirmation@example.com>')]).toEqual([false, true])
  })

  it('should send anyway when the record cannot be read (a duplicate is better than a lost email)', async () => {
    const sent: unknown[] = []
    const away = () => Promise.reject(new Error('Redis away'))
    const broken = redisSentRecord({ exists: away, set: away } as unknown as Redis, 'test:')
    await sendAndRecord({ sendEmail: async (m: unknown) => sent.push(m) }, 'order_confirmation', email, '<IR-4.confirmation@example.com>', broken)
    expect(sent).toHaveLength(1)
  })

  it('should keep the in-process record in this process', async () => {
    const a = memorySentRecord()
    await a.add('<IR-5.confirmation@example.com>')
    expect([await memorySentRecord().has('<IR-5.confirmation@example.com>'), await a.has('<IR-6.confirmation@example.com>')]).toEqual([true, false])
  })
})

describe('stableMessageId', () => {
  it('should give one email the same Message-ID every time, at the sender domain', () => {
    const first = stableMessageId(['IR-000042', 'confirmation'], 'Ipswich Retail <shop@ipswich-retail.test>')
    const again = stableMessageId(['IR-000042', 'confirmation'], 'Ipswich Retail <shop@ipswich-retail.test>')
    expect([first, again]).toEqual(['<IR-000042.confirmation@ipswich-retail.test>', '<IR-000042.confirmation@ipswich-retail.test>'])
  })
})
