import sharp from 'sharp'
import type { Payload } from 'payload'

import { startInstance, startRevalidationReceiver, startS3, type Instance, type TestS3 } from '../helpers/cluster'
import { http } from '../helpers/opsServer'
import { describeWith } from '../helpers/services'
import { bootShop, checkoutBody, available, ledgerSum, newKey, productWithStock } from '../helpers/shop'
import { startSmtpServer, type TestMailServer } from '../helpers/smtp'

// Two CMS instances, each its own process, on one PostgreSQL database, one Redis and one S3-compatible store: what
// one instance does, the other sees (docs/operations-runtime.md, "Several instances").
const describeCluster = (name: string, body: () => void) =>
  process.env.TEST_DATABASE_URL ? describeWith('redis', name, body) : describeWith('postgres', name, body)

const SKUS = ['CLUSTER-1', 'CLUSTER-2', 'CLUSTER-3', 'CLUSTER-4']
const STOCK = [80, 60, 40, 20] // 200 units in all
const STAFF = { email: `cluster-staff-${process.pid}@example.com`, password: 'cluster-staff-password-1' }

let payload: Payload
let close = async () => {}
let s3: TestS3
let smtp: TestMailServer
let storefront: Awaited<ReturnType<typeof startRevalidationReceiver>>
let a: Instance
let b: Instance
let staff: string

/** Reads until `done` holds or the bound passes; answers the last value read. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs
  let value = await read()
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 25))
    value = await read()
  }
  return value
}

/** Runs `count` tasks with at most `width` in flight. */
async function pool<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++
        out[i] = await task(i)
      }
    }),
  )
  return out
}

describeCluster('two CMS instances on one PostgreSQL, Redis and S3 store', () => {
  beforeAll(async () => {
    s3 = await startS3()
    smtp = await startSmtpServer()
    storefront = await startRevalidationReceiver()
    const prefix = `ir-test-cluster-${process.pid}:`
    const shared = {
      REDIS_URL: process.env.TEST_REDIS_URL ?? '',
      REDIS_KEY_PREFIX: prefix,
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      SMTP_URL: smtp.url,
      STOREFRONT_URL: storefront.url,
    }
    const shop = await bootShop(shared)
    payload = shop.payload
    close = shop.app.close
    staff = shop.staff
    await payload.create({ collection: 'users', data: { ...STAFF, roles: ['admin'] }, overrideAccess: true, context: { seed: true } })
    for (const [i, sku] of SKUS.entries()) await productWithStock(payload, shop.api, staff, sku, 1000 + i, STOCK[i], { title: `Cluster ${sku}` })
    const instanceEnv = {
      ...process.env,
      ...shared,
      NODE_ENV: 'production' as const,
      DB_PUSH: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_LOOKUP: '6',
      CACHE_VERSION_REFRESH_MS: '5000',
    }
    // One at a time: two Payloads booting at once on two shared cores only start slower.
    a = await startInstance('instance A', { ...instanceEnv, MEDIA_DIR: `${shop.app.dataDir}/media-a` })
    b = await startInstance('instance B', { ...instanceEnv, MEDIA_DIR: `${shop.app.dataDir}/media-b` })
  }, 400_000)

  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    await close()
    await smtp?.close()
    await storefront?.close()
    await s3?.close()
  })

  it('should sell exactly the 200 units in stock to 1,000 checkouts racing over both instances, each sale whole and mailed once', async () => {
    const carts = Array.from({ length: 1000 }, (_, i) => [{ sku: SKUS[i % SKUS.length], quantity: 1 }])
    const answers = await pool(carts.length, 24, (i) =>
      http(`${(i % 2 ? b : a).url}/api/checkout`, { method: 'POST', json: checkoutBody(carts[i]), headers: { 'idempotency-key': newKey() } }),
    )
    const accepted = answers.filter((r) => r.status === 201).map((r) => r.json.order as { id: number; orderNumber: string })
    const stock = await Promise.all(SKUS.map((sku) => available(payload, sku)))
    const ledgers = await Promise.all(SKUS.map((sku) => ledgerSum(payload, sku)))
    const stored = await payload.find({ collection: 'orders', limit: 0, pagination: false, depth: 0 })
    const saleRows = await payload.find({ collection: 'stock-movements', where: { order: { exists: true } }, limit: 0, pagination: false, depth: 0 })
    const ordersWithRows = new Set(saleRows.docs.map((row) => String(typeof row.order === 'object' ? row.order?.id : row.order)))
    const subjects = () => smtp.mails.map((m) => m.subject ?? '')
    await eventually(
      async () => subjects().filter((s) => s.startsWith('Thank you for your order')).length,
      (n) => n >= accepted.length,
      180_000,
    )
    const mailsPerOrder = accepted.map((o) => subjects().filter((s) => s.startsWith(`Thank you for your order ${o.orderNumber}`)).length)

    expect([...new Set(answers.map((r) => r.status))].sort()).toEqual([201, 409])
    expect(accepted).toHaveLength(200)
    expect(stock).toEqual([0, 0, 0, 0])
    expect(ledgers).toEqual(stock)
    expect(stored.docs.map((o) => String(o.id)).sort()).toEqual(accepted.map((o) => String(o.id)).sort())
    expect(accepted.filter((o) => !ordersWithRows.has(String(o.id)))).toEqual([])
    expect(mailsPerOrder).toEqual(Array(200).fill(1))
  }, 400_000)

  it("should show an edit made through A in B's cached reads and tell the storefront within 1 s", async () => {
    const product = await payload.find({ collection: 'products', where: { sku: { equals: SKUS[0] } }, limit: 1 })
    const { id, slug } = product.docs[0]
    const read = () => http(`${b.url}/api/products?where[slug][equals]=${slug}&depth=0`)
    await read()
    const cached = await read()
    const calls = storefront.calls.length
    const edit = await http(`${a.url}/api/products/${id}`, { method: 'PATCH', json: { title: 'Cluster mug (edited on A)' }, token: staff })
    const seen = await eventually(read, (r) => r.json?.docs?.[0]?.title === 'Cluster mug (edited on A)', 1000)
    const told = await eventually(
      async () => storefront.calls.slice(calls).some((c) => c.body.tags?.includes(`product:${slug}`)),
      (yes) => yes,
      1000,
    )

    expect(cached.headers.get('x-cache')).toBe('HIT')
    expect(edit.status).toBe(200)
    expect(seen.json.docs[0].title).toBe('Cluster mug (edited on A)')
    expect(told).toBe(true)
  })

  it('should serve an image uploaded through A, and its generated sizes, from B', async () => {
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `cluster-${process.pid}.png`)
    form.append('_payload', JSON.stringify({ alt: 'A blue square' }))
    const upload = await http(`${a.url}/api/media`, { method: 'POST', body: form, token: staff })
    const doc = upload.json.doc as { filename: string; sizes: { thumbnail: { filename: string } } }
    const original = await fetch(`${b.url}/api/media/file/${doc.filename}`)
    const thumbnail = await fetch(`${b.url}/api/media/file/${doc.sizes.thumbnail.filename}`)
    const thumbnailMeta = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()

    expect(upload.status).toBe(201)
    expect(original.status).toBe(200)
    expect(Buffer.from(await original.arrayBuffer()).equals(png)).toBe(true)
    expect(thumbnail.status).toBe(200)
    expect([thumbnailMeta.format, thumbnailMeta.width, thumbnailMeta.height]).toEqual(['webp', 300, 300])
  })

  it('should accept on B a login made on A', async () => {
    const login = await http(`${a.url}/api/users/login`, { method: 'POST', json: STAFF })
    const me = await http(`${b.url}/api/users/me`, { token: login.json.token })

    expect(login.status).toBe(200)
    expect(me.json.user?.email).toBe(STAFF.email)
  })

  it('should count one rate limit across both instances', async () => {
    const lookup = (server: Instance) => http(`${server.url}/api/orders/lookup?number=IR-999999&token=not-a-token`)
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) statuses.push((await lookup(i % 2 ? b : a)).status)

    expect(statuses.slice(0, 6).filter((s) => s === 429)).toEqual([])
    expect(statuses.slice(6)).toEqual([429, 429])
  })
})
