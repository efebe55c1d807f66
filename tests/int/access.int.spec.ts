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
}

const allowedBy = (row: string): boolean[] =>
  row
    .replace(/[\s|]/g, '')
    .split('')
    .map((c) => c === 'x')

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
}

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let png: Buffer
const auth: Partial<Record<Caller, Record<string, string>>> = {}
let owner: { id: number | string; email: string }
let counter = 0

const internal = { overrideAccess: true, context: { workflowWrite: true, seed: true } } as const
const jwt = (token: string) => ({ authorization: `JWT ${token}` })

// A fresh target document per cell, so cells never depend on each other.
async function makeDoc(slug: string, op: Op = 'read', caller: Caller = 'anonymous'): Promise<number | string> {
  const n = ++counter
  const make: Record<string, () => Promise<{ id: number | string }>> = {
    users: () =>
      payload.create({ collection: 'users', data: { email: `target-${n}@example.com`, password: 'password-123', roles: ['merchandiser'] }, ...internal }),
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
    'idempotency-keys': () => payload.create({ collection: 'idempotency-keys', data: { key: `k-${n}`, requestHash: 'h', state: 'processing' }, ...internal }),
    imports: () => payload.create({ collection: 'imports', data: { fileName: `f-${n}.csv`, kind: 'products', status: 'previewed' }, ...internal }),
    integrations: () => payload.create({ collection: 'integrations', data: { name: `Target ${n}` }, ...internal }),
  }
  return (await make[slug]()).id
}

function createData(slug: string): Record<string, unknown> {
  const n = ++counter
  const data: Record<string, Record<string, unknown>> = {
    users: { email: `new-${n}@example.com`, password: 'password-123' },
    customers: { email: `new-customer-${n}@example.com`, password: 'password-123' },
    products: { title: `New ${n}`, price: 100, sku: `NEW-${n}` },
    categories: { title: `New ${n}` },
    inventory: { sku: `NEWINV-${n}`, available: 0 },
    'stock-movements': { sku: 'X', change: 1, reason: 'adjustment' },
    orders: { orderNumber: `IR-8${String(n).padStart(5, '0')}`, email: 'x@example.com' },
    'idempotency-keys': { key: `new-${n}`, requestHash: 'h' },
    imports: { fileName: `new-${n}.csv`, kind: 'products', status: 'previewed' },
    integrations: { name: `New ${n}` },
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
    media: { alt: 'Changed' },
    imports: { message: 'Changed' },
    integrations: { name: 'Changed' },
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
  if (op === 'create') return ok((slug === 'media' ? await createMedia(headers) : await api.post(`/${slug}`, createData(slug), { headers })).status)
  const id = await makeDoc(slug, op, caller)
  if (op === 'read') return ok((await api.get(`/${slug}/${id}`, { headers })).status)
  if (op === 'update') return ok((await api.patch(`/${slug}/${id}`, updateData(slug), { headers })).status)
  return ok((await api.del(`/${slug}/${id}`, { headers })).status)
}

const ENUM_FIELDS = new Set(['kind', 'status'])
const gqlValue = (k: string, v: unknown): string =>
  ENUM_FIELDS.has(k) && typeof v === 'string'
    ? v
    : typeof v === 'string'
      ? JSON.stringify(v)
      : typeof v === 'number'
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
  if (op === 'create') query = `mutation { create${name}(data: ${data(createData(slug))}) { id } }`
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
  auth.otherCustomer = jwt((await customerToken(payload)).token)
  for (const scope of CALLERS.slice(6)) auth[scope] = { authorization: (await apiKeyFor(payload, [scope])).header }
})

afterAll(async () => {
  await app.close()
})

const cells = Object.keys(MATRIX).flatMap((slug) =>
  OPS.flatMap((op) => {
    const allowed = allowedBy(MATRIX[slug][op])
    return CALLERS.map((caller, i) => ({ slug, op, caller, allowed: allowed[i] }))
  }),
)

it('should give every caller one column in every row of the table', () => {
  expect(Object.values(MATRIX).flatMap((row) => OPS.map((op) => allowedBy(row[op]).length))).toEqual(Array(Object.keys(MATRIX).length * 4).fill(CALLERS.length))
})

describe('access over REST', () => {
  it.each(cells)('should $slug $op by $caller be allowed=$allowed', async ({ slug, op, caller, allowed }) => {
    expect(await viaRest(slug, op, caller)).toBe(allowed)
  })
})

describe('access over GraphQL', () => {
  it.each(cells.filter((c) => !(c.slug === 'media' && c.op === 'create')))(
    'should $slug $op by $caller be allowed=$allowed',
    async ({ slug, op, caller, allowed }) => {
      expect(await viaGraphQL(slug, op, caller)).toBe(allowed)
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
