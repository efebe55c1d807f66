import type { Payload } from 'payload'
import sharp from 'sharp'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { staffToken } from '../helpers/shop'

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string

beforeAll(async () => {
  app = await bootPayload({ MAX_UPLOAD_BYTES: '200000' })
  payload = app.payload
  api = await restClient(payload.config)
  staff = (await staffToken(payload)).token
})

afterAll(async () => {
  await app.close()
})

const upload = (file: Blob, name: string, alt = 'A picture') => {
  const form = new FormData()
  form.append('file', file, name)
  form.append('_payload', JSON.stringify({ alt }))
  return api.post('/media', undefined, { token: staff, rawBody: form })
}

const png = async (width: number, height: number, noise = false) => {
  const channels = 3
  const raw = Buffer.alloc(width * height * channels, 128)
  if (noise) for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(Math.random() * 256)
  return new Blob([new Uint8Array(await sharp(raw, { raw: { width, height, channels } }).png().toBuffer())], { type: 'image/png' })
}

const mediaCount = async () => (await payload.count({ collection: 'media' })).totalDocs

describe('media uploads', () => {
  it('should store an image with its generated sizes', async () => {
    const res = await upload(await png(800, 600), 'mug.png')
    expect(res.status).toBe(201)
    expect(Object.keys(res.json.doc.sizes).sort()).toEqual(['card', 'large', 'thumbnail'])
    expect(res.json.doc.sizes.thumbnail).toMatchObject({ width: 300, height: 300, mimeType: 'image/webp' })
  })

  it('should refuse a file that is not an image and store nothing', async () => {
    const before = await mediaCount()
    const res = await upload(new Blob(['not an image'], { type: 'text/plain' }), 'notes.txt')
    expect(res.status).toBe(400)
    expect(res.text).toMatch(/file type|mime|invalid/i)
    expect(await mediaCount()).toBe(before)
  })

  it('should refuse a file over the size limit and store nothing', async () => {
    const before = await mediaCount()
    const res = await upload(await png(600, 600, true), 'huge.png')
    expect([400, 413]).toContain(res.status)
    expect(res.text).toMatch(/size|large|limit/i)
    expect(await mediaCount()).toBe(before)
  })

  it('should refuse an image without alt text naming the field', async () => {
    const before = await mediaCount()
    const res = await upload(await png(10, 10), 'tiny.png', '')
    expect(res.status).toBe(400)
    expect(res.text).toContain('alt')
    expect(await mediaCount()).toBe(before)
  })
})
