import type { Payload } from 'payload'
import sharp from 'sharp'

import type { guardedClient } from './guardedClient'
import { checkoutBody, configureStore, customerToken, newKey, staffToken } from './shop'

type Api = Awaited<ReturnType<typeof guardedClient>>

export type ShopFixture = {
  staff: string
  customer: string
  customerEmail: string
  product: { id: number; title: string; slug: string; price: number }
  variantProductId: number
  category: { id: number; slug: string }
  media: { id: number; filename: string }
  order: { id: number; orderNumber: string; lookupToken: string }
  victimIds: Record<string, number>
}

/** A small shop for the hardening suites: what good requests read, and victims that bad requests aim at. */
export async function shopFixture(payload: Payload, api: Api): Promise<ShopFixture> {
  await configureStore(payload)
  const admin = await staffToken(payload, 'admin')
  const victimStaff = await staffToken(payload, 'merchandiser')
  const customer = await customerToken(payload)
  const victimCustomer = await customerToken(payload)
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: 'Swatch' },
    file: { data: png, mimetype: 'image/png', name: 'swatch.png', size: png.length },
  })
  const victimMedia = await payload.create({
    collection: 'media',
    data: { alt: 'Victim' },
    file: { data: png, mimetype: 'image/png', name: 'victim.png', size: png.length },
  })
  const category = await payload.create({ collection: 'categories', data: { title: 'Good Category', slug: 'good-cat' } })
  const victimCategory = await payload.create({ collection: 'categories', data: { title: 'Victim Category' } })
  const product = await payload.create({
    collection: 'products',
    data: { title: 'Good Mug', slug: 'good-mug', price: 1200, sku: 'GOOD-1', categories: [category.id], images: [media.id], _status: 'published' },
  })
  const variantProduct = await payload.create({
    collection: 'products',
    data: { title: 'Good Jumper', price: 4500, _status: 'published', variants: [{ sku: 'GOOD-V1', title: 'Medium' }] },
  })
  const victim = await payload.create({ collection: 'products', data: { title: 'Victim Product', price: 100, sku: 'VICTIM-1', _status: 'published' } })
  for (const sku of ['GOOD-1', 'GOOD-V1']) {
    const res = await api.post('/inventory/adjust', { sku, delta: 1000, reason: 'Initial stock' }, { token: admin.token })
    if (res.status !== 200) throw new Error(`stock adjust failed: ${res.status} ${res.text}`)
  }
  const placed = await api.post('/checkout', checkoutBody([{ sku: 'GOOD-1', quantity: 1 }], { paymentMethod: 'manual', card: undefined }), {
    headers: { 'idempotency-key': newKey() },
  })
  if (placed.status !== 201) throw new Error(`checkout failed: ${placed.status} ${placed.text}`)
  const inventory = await payload.find({ collection: 'inventory', where: { sku: { equals: 'VICTIM-1' } }, limit: 1 })
  return {
    staff: admin.token,
    customer: customer.token,
    customerEmail: customer.email,
    product: { id: product.id as number, title: product.title, slug: product.slug as string, price: 1200 },
    variantProductId: variantProduct.id as number,
    category: { id: category.id as number, slug: 'good-cat' },
    media: { id: media.id as number, filename: media.filename as string },
    order: { id: placed.json.order.id, orderNumber: placed.json.order.orderNumber, lookupToken: placed.json.lookupToken },
    victimIds: {
      products: victim.id as number,
      categories: victimCategory.id as number,
      media: victimMedia.id as number,
      orders: placed.json.order.id,
      inventory: inventory.docs[0]?.id as number,
      users: victimStaff.id as number,
      customers: victimCustomer.id as number,
    },
  }
}
