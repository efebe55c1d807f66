import type { Payload } from 'payload'
import sharp from 'sharp'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { apiKeyFor, customerToken, staffToken } from '../helpers/shop'

// The access policy, whole: every collection × caller × operation, over REST and GraphQL. Callers are the public, two
// customers (the target documents belong to `customer`), the three staff roles, and one API key per scope. "x" means
// allowed, "." refused. src/access/roles.ts maps each staff role onto scopes; src/access/policies.ts decides per scope.
const CALLERS = [
  'anonymous',
  'customer',
  'otherCustomer',
  'admin',
  'merchandiser',
  'fulfilment',
  'catalogue:read',
  'catalogue:write',
  'orders:read',
  'orders:write',
  'inventory:write',
  'customers:read',
  'webhooks:manage',
] as const
type Caller = (typeof CALLERS)[number]
type Op = 'create' | 'read' | 'update' | 'delete'
const OPS: Op[] = ['create', 'read', 'update', 'delete']

//                                anon cust other | admin merch fulfil | c:r c:w o:r o:w i:w cu:r wh:m
const MATRIX: Record<string, Record<Op, string>> = {
  users: {
    create: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
    read: '                        .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
    update: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
    delete: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
  },
  customers: {
    create: '                      x    x    x    |  x     x     x     |  x   x   x   x   x   x    x',
    read: '                        .    x    .    |  x     .     .     |  .   .   .   .   .   x    .',
    update: '                      .    x    .    |  x     .     .     |  .   .   .   .   .   .    .',
    delete: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
  },
  products: {
    create: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
    read: '                        x    x    x    |  x     x     x     |  x   x   x   x   x   x    x',
    update: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
    delete: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
  },
  categories: {
    create: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
    read: '                        x    x    x    |  x     x     x     |  x   x   x   x   x   x    x',
    update: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
    delete: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
  },
  media: {
    create: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
    read: '                        x    x    x    |  x     x     x     |  x   x   x   x   x   x    x',
    update: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
    delete: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
  },
  inventory: {
    create: '                      .    .    .    |  x     x     x     |  .   .   .   .   x   .    .',
    read: '                        x    x    x    |  x     x     x     |  x   x   x   x   x   x    x',
    update: '                      .    .    .    |  x     x     x     |  .   .   .   .   x   .    .',
    delete: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
  },
  'stock-movements': {
    create: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    read: '                        .    .    .    |  x     x     x     |  x   .   .   .   x   .    .',
    update: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    delete: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
  },
  orders: {
    create: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    read: '                        .    x    .    |  x     .     x     |  .   .   x   .   .   .    .',
    update: '                      .    .    .    |  x     .     x     |  .   .   .   x   .   .    .',
    delete: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
  },
  'idempotency-keys': {
    create: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    read: '                        .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
    update: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    delete: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
  },
  imports: {
    create: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    read: '                        .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
    update: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    delete: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
  },
  integrations: {
    create: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
    read: '                        .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
    update: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
    delete: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
  },
  webhooks: {
    create: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    x',
    read: '                        .    .    .    |  x     .     .     |  .   .   .   .   .   .    x',
    update: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    x',
    delete: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    x',
  },
  'webhook-deliveries': {
    create: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    read: '                        .    .    .    |  x     .     .     |  .   .   .   .   .   .    x',
    update: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    delete: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    x',
  },
  // The target review is the customer's own, still pending (an approved one anyone reads); a customer may review only
  // what they bought, so the create cells give each caller a product with a paid order of theirs.
  reviews: {
    create: '                      .    x    x    |  .     .     .     |  .   .   .   .   .   .    .',
    read: '                        .    x    .    |  x     x     x     |  x   x   .   .   .   .    .',
    update: '                      .    x    .    |  x     x     .     |  .   x   .   .   .   .    .',
    delete: '                      .    x    .    |  x     x     .     |  .   x   .   .   .   .    .',
  },
  'back-in-stock-subscriptions': {
    create: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    read: '                        .    .    .    |  x     .     .     |  .   .   .   .   .   x    .',
    update: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
    delete: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
  },
  'discount-codes': {
    create: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
    read: '                        .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
    update: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
    delete: '                      .    .    .    |  x     x     .     |  .   x   .   .   .   .    .',
  },
  'discount-redemptions': {
    create: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    read: '                        .    .    .    |  x     .     x     |  .   .   x   .   .   .    .',
    update: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    delete: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
  },
  // Append-only: written by recordAudit alone, read by admins, changed and deleted by nobody.
  'audit-log': {
    create: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    read: '                        .    .    .    |  x     .     .     |  .   .   .   .   .   .    .',
    update: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
    delete: '                      .    .    .    |  .     .     .     |  .   .   .   .   .   .    .',
  },
}

const marks = (row: string): string[] => row.replace(/[\s|]/g, '').split('')

// GraphQL type names Payload derives from each collection's slug; media uploads have no GraphQL create.
const GQL: Record<string, string> = {
  users: 'User',
  customers: 'Customer',
  products: 'Product',
  categories: 'Category',
  media: 'Media',
  inventory: 'Inventory',
  'stock-movements': 'StockMovement',
  orders: 'Order',
  'idempotency-keys': 'IdempotencyKey',
  imports: 'Import',
  integrations: 'Integration',
  webhooks: 'Webhook',
  'webhook-deliveries': 'WebhookDelivery',
  reviews: 'Review',
  'back-in-stock-subscriptions': 'BackInStockSubscription',
  'discount-codes': 'DiscountCode',
  'discount-redemptions': 'DiscountRedemption',
  'audit-log': 'AuditLog',
}

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let png: Buffer
const auth: Partial<Record<Caller, Record<string, string>>> = {}
let owner: { id: number | string; email: string }
let other: { id: number | string; email: string }
let hook: number | string
let counter = 0

const internal = { overrideAccess: true, context: { workflowWrite: true, seed: true } } as const
const jwt = (token: string) => ({ authorization: `JWT ${token}` })

// A fresh target document per cell, so cells never depend on each other.
async function makeDoc(slug: string, op: Op = 'read', caller: Caller = 'anonymous'): Promise<number | string> {
  const n = ++counter
  const make: Record<string, () => Promise<{ id: number | string }>> = {
    users: () =>
      payload.create({ collection: 'users', data: { email: `target-${n}@example.com`, password: 'staff-password-123', roles: ['merchandiser'] }, ...internal }),
    // The owner's record, except when it is deleted: later cells still need the owner.
    customers: async () =>
      op === 'delete' && caller === 'admin'
        ? payload.create({ collection: 'customers', data: { email: `gone-${n}@example.com`, password: 'password-123' }, ...internal })
        : { id: owner.id },
    products: () =>
      payload.create({ collection: 'products', data: { title: `Target ${n}`, price: 100, sku: `TARGET-${n}`, _status: 'published' }, ...internal }),
    categories: () => payload.create({ collection: 'categories', data: { title: `Target ${n}` }, ...internal }),
    media: () =>
      payload.create({
        collection: 'media',
        data: { alt: `Target ${n}` },
        file: { data: png, mimetype: 'image/png', name: `t-${n}.png`, size: png.length },
        ...internal,
      }),
    inventory: () => payload.create({ collection: 'inventory', data: { sku: `INV-${n}`, available: 0 }, ...internal }),
    'stock-movements': () => payload.create({ collection: 'stock-movements', data: { sku: `INV-${n}`, change: 1, reason: 'adjustment' }, ...internal }),
    orders: () =>
      payload.create({
        collection: 'orders',
        data: {
          orderNumber: `IR-7${String(n).padStart(5, '0')}`,
          status: 'pending',
          email: owner.email,
          customer: owner.id as number,
          lines: [{ sku: 'X-1', title: 'X', unitPrice: 100, quantity: 1, lineTotal: 100 }],
          totals: { subtotal: 100, discount: 0, shipping: 0, vat: 17, total: 100 },
        },
        ...internal,
      }),
    'audit-log': () =>
      payload.create({ collection: 'audit-log', data: { action: 'test.target', summary: `Target ${n}`, actorCollection: 'system' }, overrideAccess: true }),
    'idempotency-keys': () => payload.create({ collection: 'idempotency-keys', data: { key: `k-${n}`, requestHash: 'h', state: 'processing' }, ...internal }),
    imports: () => payload.create({ collection: 'imports', data: { fileName: `f-${n}.csv`, kind: 'products', status: 'previewed' }, ...internal }),
    integrations: () => payload.create({ collection: 'integrations', data: { name: `Target ${n}` }, ...internal }),
    webhooks: () => payload.create({ collection: 'webhooks', data: webhookData(n), ...internal, context: { ...internal.context, webhookInternal: true } }),
    'webhook-deliveries': () =>
      payload.create({ collection: 'webhook-deliveries', data: { webhook: hook as number, event: 'stock.changed', status: 'succeeded' }, ...internal }),
    reviews: async () =>
      payload.create({
        collection: 'reviews',
        data: { product: (await newProduct(n)) as number, customer: owner.id as number, rating: 4, title: `Target ${n}`, text: 'Fine.', status: 'pending' },
        ...internal,
      }),
    'back-in-stock-subscriptions': () =>
      payload.create({ collection: 'back-in-stock-subscriptions', data: { sku: `BIS-${n}`, email: owner.email, status: 'open' }, ...internal }),
    'discount-codes': () => payload.create({ collection: 'discount-codes', data: discountData(n), ...internal }),
    'discount-redemptions': async () =>
      payload.create({
        collection: 'discount-redemptions',
        data: {
          discountCode: (await payload.create({ collection: 'discount-codes', data: discountData(n), ...internal })).id,
          code: `CODE${n}`,
          order: (await makeDoc('orders')) as number,
          customer: owner.id as number,
          email: owner.email,
          customerKey: `customer:${owner.id}`,
          amount: 10,
        },
        ...internal,
      }),
  }
  return (await make[slug]()).id
}

// Webhooks are made inactive, so no cell's change is ever delivered; the address is a public IP (no DNS lookup).
const webhookData = (n: number) => ({
  url: `https://93.184.215.14/hook-${n}`,
  events: ['stock.changed' as const],
  ownerEmail: 'ops@example.com',
  active: false,
})
const discountData = (n: number) => ({ code: `CODE${n}`, type: 'percentage' as const, percentOff: 10, appliesTo: 'cart' as const })

async function newProduct(n: number): Promise<number | string> {
  return (await payload.create({ collection: 'products', data: { title: `Reviewed ${n}`, price: 100, sku: `REV-${n}`, _status: 'published' }, ...internal })).id
}

// A product the caller bought (a paid order of theirs holds it), so a customer's review of it passes the plugin's check.
async function boughtProduct(n: number, caller: Caller): Promise<number | string> {
  const product = await newProduct(n)
  const buyer = caller === 'customer' ? owner : caller === 'otherCustomer' ? other : null
  if (buyer)
    await payload.create({
      collection: 'orders',
      data: {
        orderNumber: `IR-6${String(n).padStart(5, '0')}`,
        status: 'paid',
        email: buyer.email,
        customer: buyer.id as number,
        lines: [{ sku: `REV-${n}`, title: 'X', unitPrice: 100, quantity: 1, lineTotal: 100 }],
        totals: { subtotal: 100, discount: 0, shipping: 0, vat: 17, total: 100 },
      },
      ...internal,
    })
  return product
}

async function createData(slug: string, caller: Caller): Promise<Record<string, unknown>> {
  const n = ++counter
  // GraphQL makes the required `status` (default "pending") a required argument; a customer's review is pending whatever it says.
  if (slug === 'reviews') return { product: await boughtProduct(n, caller), rating: 5, title: `New ${n}`, text: 'Lovely.', status: 'pending' }
  const data: Record<string, Record<string, unknown>> = {
    users: { email: `new-${n}@example.com`, password: 'staff-password-123' },
    customers: { email: `new-customer-${n}@example.com`, password: 'password-123' },
    products: { title: `New ${n}`, price: 100, sku: `NEW-${n}` },
    categories: { title: `New ${n}` },
    inventory: { sku: `NEWINV-${n}`, available: 0 },
    'stock-movements': { sku: 'X', change: 1, reason: 'adjustment' },
    orders: { orderNumber: `IR-8${String(n).padStart(5, '0')}`, email: 'x@example.com' },
    'idempotency-keys': { key: `new-${n}`, requestHash: 'h' },
    'audit-log': { action: 'test.forged', summary: `Forged ${n}` },
    imports: { fileName: `new-${n}.csv`, kind: 'products', status: 'previewed' },
    integrations: { name: `New ${n}` },
    webhooks: webhookData(n),
    'webhook-deliveries': { webhook: hook, event: 'stock.changed', status: 'succeeded' },
    'back-in-stock-subscriptions': { sku: `NEWBIS-${n}`, email: `bis-${n}@example.com` },
    'discount-codes': discountData(n),
    'discount-redemptions': { discountCode: 1, code: `CODE${n}`, order: 1, email: 'x@example.com', customerKey: 'x', amount: 10 },
  }
  return data[slug]
}

const updateData = (slug: string): Record<string, unknown> =>
  ({
    users: { name: 'Changed' },
    customers: { name: 'Changed' },
    orders: { internalNotes: 'Changed' },
    inventory: { lowStockThreshold: 3 },
    'stock-movements': { note: 'x' },
    'idempotency-keys': { requestHash: 'x' },
    'audit-log': { summary: 'Changed' },
    media: { alt: 'Changed' },
    imports: { message: 'Changed' },
    integrations: { name: 'Changed' },
    webhooks: { description: 'Changed' },
    'webhook-deliveries': { attempts: 2 },
    'back-in-stock-subscriptions': { status: 'notified' },
    'discount-codes': { percentOff: 20 },
    'discount-redemptions': { amount: 20 },
  })[slug] ?? { title: 'Changed' }

const ok = (status: number) => status >= 200 && status < 300

async function createMedia(headers: Record<string, string> | undefined) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `new-${++counter}.png`)
  form.append('_payload', JSON.stringify({ alt: 'New' }))
  return api.post('/media', undefined, { headers, rawBody: form })
}

async function viaRest(slug: string, op: Op, caller: Caller): Promise<boolean> {
  const headers = auth[caller]
  if (op === 'create')
    return ok((slug === 'media' ? await createMedia(headers) : await api.post(`/${slug}`, await createData(slug, caller), { headers })).status)
  const id = await makeDoc(slug, op, caller)
  if (op === 'read') return ok((await api.get(`/${slug}/${id}`, { headers })).status)
  if (op === 'update') return ok((await api.patch(`/${slug}/${id}`, updateData(slug), { headers })).status)
  return ok((await api.del(`/${slug}/${id}`, { headers })).status)
}

// Select values are GraphQL enums, named as Payload names them ("stock.changed" becomes stock_changed).
const ENUM_FIELDS = new Set(['kind', 'status', 'event', 'events', 'type', 'appliesTo'])
const gqlValue = (k: string, v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map((x) => gqlValue(k, x)).join(', ')}]`
    : ENUM_FIELDS.has(k) && typeof v === 'string'
      ? v.replace(/\./g, '_')
      : typeof v === 'string'
        ? JSON.stringify(v)
        : typeof v === 'number' || typeof v === 'boolean'
          ? String(v)
          : `{ ${Object.entries(v as object)
              .map(([key, x]) => `${key}: ${gqlValue(key, x)}`)
              .join(', ')} }`

async function viaGraphQL(slug: string, op: Op, caller: Caller): Promise<boolean> {
  const name = GQL[slug]
  const data = (d: Record<string, unknown>) =>
    `{ ${Object.entries(d)
      .map(([k, v]) => `${k}: ${slug !== 'stock-movements' && k === 'reason' ? v : gqlValue(k, v)}`)
      .join(', ')} }`
  let query: string
  if (op === 'create') query = `mutation { create${name}(data: ${data(await createData(slug, caller))}) { id } }`
  else {
    const id = await makeDoc(slug, op, caller)
    if (op === 'read') query = `{ ${name}(id: ${id}) { id } }`
    else if (op === 'update') query = `mutation { update${name}(id: ${id}, data: ${data(updateData(slug))}) { id } }`
    else query = `mutation { delete${name}(id: ${id}) { id } }`
  }
  const res = await api.gql(query, { headers: auth[caller] })
  const first = res.json.data ? Object.values(res.json.data)[0] : null
  return !res.json.errors && first != null
}

beforeAll(async () => {
  app = await bootPayload()
  payload = app.payload
  api = await restClient(payload.config)
  png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer()
  for (const role of ['admin', 'merchandiser', 'fulfilment'] as const) auth[role] = jwt((await staffToken(payload, role)).token)
  const a = await customerToken(payload)
  owner = { id: a.id, email: a.email }
  auth.customer = jwt(a.token)
  const b = await customerToken(payload)
  other = { id: b.id, email: b.email }
  auth.otherCustomer = jwt(b.token)
  hook = (await makeDoc('webhooks')) as number
  for (const scope of CALLERS.slice(6)) auth[scope] = { authorization: (await apiKeyFor(payload, [scope])).header }
})

afterAll(async () => {
  await app.close()
})

// Where GraphQL differs from REST. Shoppers register through REST `POST /api/customers` (our endpoint, which answers
// alike whether or not the email is taken); Payload's own create, GraphQL `createCustomer`, is for admins only.
//                                                          anon cust other | admin merch fulfil | c:r c:w o:r o:w i:w cu:r wh:m
const GRAPHQL_MATRIX: Record<string, Partial<Record<Op, string>>> = {
  customers: { create: '                      .    .    .    |  x     .     .     |  .   .   .   .   .   .    .' },
}

// One test per collection × operation; its callers' cells run at once (each on its own fresh target document).
const groups = Object.keys(MATRIX).flatMap((slug) => OPS.map((op) => ({ slug, op })))

// Every caller's answer against the table.
async function checkRow(via: (slug: string, op: Op, caller: Caller) => Promise<boolean>, slug: string, op: Op, table: typeof GRAPHQL_MATRIX = {}) {
  const row = marks(table[slug]?.[op] ?? MATRIX[slug][op])
  const answers = await Promise.all(CALLERS.map((caller) => via(slug, op, caller)))
  const allowed = (caller: Caller) => row[CALLERS.indexOf(caller)] === 'x'
  expect(Object.fromEntries(CALLERS.map((caller, i) => [caller, answers[i]]))).toEqual(Object.fromEntries(CALLERS.map((c) => [c, allowed(c)])))
}

it('should give every caller one column in every row of the table', () => {
  expect(Object.values(MATRIX).flatMap((row) => OPS.map((op) => marks(row[op]).length))).toEqual(Array(Object.keys(MATRIX).length * 4).fill(CALLERS.length))
  expect(Object.values(MATRIX).flatMap((row) => OPS.flatMap((op) => marks(row[op]).filter((c) => !'x.'.includes(c))))).toEqual([])
})

it('should hold a row for every collection in the running config except Payload’s own', () => {
  const slugs = payload.config.collections.map((c) => c.slug).filter((slug) => !slug.startsWith('payload-'))
  expect(Object.keys(MATRIX).sort()).toEqual([...slugs].sort())
  expect(Object.keys(GQL).sort()).toEqual([...slugs].sort())
})

describe('access over REST', () => {
  it.each(groups)('should $slug $op be allowed to exactly the callers the table names', async ({ slug, op }) => {
    await checkRow(viaRest, slug, op)
  })
})

describe('access over GraphQL', () => {
  it.each(groups.filter((g) => !(g.slug === 'media' && g.op === 'create')))(
    'should $slug $op be allowed to exactly the callers the table names',
    async ({ slug, op }) => {
      await checkRow(viaGraphQL, slug, op, GRAPHQL_MATRIX)
    },
  )
})

describe('fields the public must not see', () => {
  it('should hide payment references and internal notes from the customer who owns the order', async () => {
    const id = await makeDoc('orders')
    await payload.update({ collection: 'orders', id, data: { internalNotes: 'fragile', payment: { reference: 'ref-123' } }, ...internal })
    const rest = await api.get(`/orders/${id}`, { headers: auth.customer })
    const gql = await api.gql(`{ Order(id: ${id}) { internalNotes payment { reference } } }`, { headers: auth.customer })
    expect([rest.json.internalNotes, rest.json.payment?.reference]).toEqual([undefined, undefined])
    expect(gql.json.data.Order).toEqual({ internalNotes: null, payment: { reference: null } })
  })

  it('should show anonymous readers an inventory row’s available quantity but not its threshold', async () => {
    const id = await makeDoc('inventory')
    const res = await api.get(`/inventory/${id}`)
    expect(res.json.available).toBe(0)
    expect(res.json.lowStockThreshold).toBeUndefined()
  })

  it('should refuse a merchandiser raising their own role', async () => {
    const merch = await staffToken(payload, 'merchandiser')
    await api.patch(`/users/${merch.id}`, { roles: ['admin'] }, { token: merch.token })
    const me = await payload.findByID({ collection: 'users', id: merch.id })
    expect(me.roles).toEqual(['merchandiser'])
  })

  it("should let only the holder or an admin change a customer's password, and only admins unlock staff", async () => {
    const id = await makeDoc('customers')
    const staffEmail = (await payload.findByID({ collection: 'users', id: (await staffToken(payload, 'fulfilment')).id })).email
    const answers = await Promise.all([
      api.patch(`/customers/${id}`, { password: 'taken-over-password-9' }, { headers: auth.merchandiser }),
      api.patch(`/customers/${id}`, { password: 'taken-over-password-9' }, { headers: auth.fulfilment }),
      api.patch(`/customers/${id}`, { password: 'admin-set-password-9' }, { headers: auth.admin }),
      api.post('/users/unlock', { email: staffEmail }, { headers: auth.merchandiser }),
      api.post('/users/unlock', { email: staffEmail }, { headers: auth.admin }),
    ])
    expect(answers.map((a) => a.status)).toEqual([403, 403, 200, 403, 200])
  })

  it('should list no customer and no order to a merchandiser', async () => {
    await makeDoc('orders')
    const [customers, orders] = await Promise.all([api.get('/customers', { headers: auth.merchandiser }), api.get('/orders', { headers: auth.merchandiser })])
    expect([customers.status, orders.status]).toEqual([403, 403])
  })

  it('should never show an integration’s key or its index, even to an admin', async () => {
    const { id } = await apiKeyFor(payload, ['orders:read'])
    const res = await api.get(`/integrations/${id}`, { headers: auth.admin })
    expect([res.json.name, res.json.apiKey, res.json.apiKeyIndex, res.json.hasAPIKey]).toEqual([expect.any(String), undefined, undefined, true])
  })
})
