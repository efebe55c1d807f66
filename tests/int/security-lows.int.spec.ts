import type { Payload } from 'payload'
import sharp from 'sharp'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { customerToken, staffToken } from '../helpers/shop'

// The low findings of the security review (issue 18), each reproduced as the reviewer did and shown refused.
let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string

beforeAll(async () => {
  app = await bootPayload()
  payload = app.payload
  api = await restClient(payload.config)
  staff = (await staffToken(payload)).token
})

afterAll(async () => {
  await app.close()
})

const LONG_AGO = '2001-01-01T00:00:00.000Z'
const createdAtOf = async (id: number | string) => (await payload.findByID({ collection: 'customers', id, depth: 0 })).createdAt

describe('a customer setting its own createdAt', () => {
  it('should ignore a createdAt sent with registration and stamp the real time', async () => {
    const email = `created-at-${Date.now()}@example.com`
    const res = await api.post('/customers', { email, password: 'a-long-password-123', createdAt: LONG_AGO })
    expect(res.status).toBe(201)
    // Registration answers the same whether or not the email was taken (docs/security/addresses-and-accounts.md): no id.
    const { docs } = await payload.find({ collection: 'customers', where: { email: { equals: email } }, depth: 0, limit: 1 })
    expect(new Date(await createdAtOf(docs[0]!.id)).getFullYear()).toBeGreaterThan(2001)
  })

  it('should ignore a createdAt the customer sends with an update of its profile', async () => {
    const customer = await customerToken(payload)
    const before = await createdAtOf(customer.id)
    const res = await api.patch(`/customers/${customer.id}`, { name: 'Renamed', createdAt: LONG_AGO }, { token: customer.token })
    expect(res.status).toBe(200)
    expect(await createdAtOf(customer.id)).toBe(before)
  })
})

describe('media created from a URL', () => {
  it('should answer {"url": …, "filename": …} that cannot be fetched with 400 file_retrieval_failed, and store nothing', async () => {
    const before = (await payload.count({ collection: 'media' })).totalDocs
    const body = { alt: 'From elsewhere', url: 'http://127.0.0.1:1/picture.png', filename: 'picture.png' }
    const res = await api.post('/media', body, { token: staff })
    expect([res.status, res.json.error.code]).toEqual([400, 'file_retrieval_failed'])
    expect(res.json.error.message).toMatch(/could not be fetched: upload the file itself/)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })

  it('should answer {"url": …} alone with 400 missing_file', async () => {
    const res = await api.post('/media', { alt: 'From elsewhere', url: 'https://example.com/picture.png' }, { token: staff })
    expect([res.status, res.json.error.code]).toEqual([400, 'missing_file'])
  })
})

describe('a PNG/HTML polyglot uploaded as poly.html', () => {
  const polyglot = async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } })
      .png()
      .toBuffer()
    // A valid PNG whose trailing bytes are an HTML page: a browser sniffing it as HTML would run the script.
    return Buffer.concat([png, Buffer.from('<html><body><script>alert(document.domain)</script></body></html>')])
  }

  it('should store it as poly.png and serve it as an image that is never sniffed or run', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await polyglot())], { type: 'text/html' }), 'poly.html')
    form.append('_payload', JSON.stringify({ alt: 'Polyglot' }))
    const created = await api.post('/media', undefined, { token: staff, rawBody: form })
    expect(created.status).toBe(201)
    expect([created.json.doc.filename, created.json.doc.mimeType]).toEqual(['poly.png', 'image/png'])

    const served = await api.get(`/media/file/${created.json.doc.filename}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/)
    expect(served.headers.get('content-disposition')).toBeNull()
  })
})
