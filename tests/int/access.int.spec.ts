import type { Payload } from 'payload'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { customerToken, staffToken } from '../helpers/shop'

// Every collection × (anonymous, customer, another customer, merchandiser, admin) × (create, read, update, delete),
// over REST and GraphQL. "yes" means allowed; the target of read/update/delete is a document owned by `customer`.
type Role = 'anonymous' | 'customer' | 'otherCustomer' | 'merchandiser' | 'admin'
type Op = 'create' | 'read' | 'update' | 'delete'
const ROLES: Role[] = ['anonymous', 'customer', 'otherCustomer', 'merchandiser', 'admin']
const OPS: Op[] = ['create', 'read', 'update', 'delete']

//                         anonymous  customer  otherCustomer  merchandiser  admin
const MATRIX: Record<string, Record<Op, [boolean, boolean, boolean, boolean, boolean]>> = {
  users: {
    create: [false, false, false, false, true],
    read: [false, false, false, false, true],
    update: [false, false, false, false, true],
    delete: [false, false, false, false, true],
  },
  customers: {
    create: [true, true, true, true, true],
    read: [false, true, false, true, true],
    update: [false, true, false, true, true],
    delete: [false, false, false, false, true],
  },
  products: {
    create: [false, false, false, true, true],
    read: [true, true, true, true, true],
    update: [false, false, false, true, true],
    delete: [false, false, false, true, true],
  },
  categories: {
    create: [false, false, false, true, true],
    read: [true, true, true, true, true],
    update: [false, false, false, true, true],
    delete: [false, false, false, true, true],
  },
  inventory: {
    create: [false, false, false, true, true],
    read: [true, true, true, true, true],
    update: [false, false, false, true, true],
    delete: [false, false, false, false, true],
  },
  'stock-movements': {
    create: [false, false, false, false, false],
    read: [false, false, false, true, true],
    update: [false, false, false, false, false],
    delete: [false, false, false, false, false],
  },
  orders: {
    create: [false, false, false, false, false],
    read: [false, true, false, true, true],
    update: [false, false, false, true, true],
    delete: [false, false, false, false, true],
  },
  'idempotency-keys': {
    create: [false, false, false, false, false],
    read: [false, false, false, false, true],
    update: [false, false, false, false, false],
    delete: [false, false, false, false, false],
  },
}

// GraphQL type names Payload derives from each collection's slug.
const GQL: Record<string, string> = {
  users: 'User',
  customers: 'Customer',
  products: 'Product',
  categories: 'Category',
  inventory: 'Inventory',
  'stock-movements': 'StockMovement',
  orders: 'Order',
  'idempotency-keys': 'IdempotencyKey',
}

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
const tokens: Partial<Record<Role, string>> = {}
let owner: { id: number | string; email: string }
let counter = 0

const internal = { overrideAccess: true, context: { workflowWrite: true, seed: true } } as const

// A fresh target document per cell, so cells never depend on each other.
async function makeDoc(slug: string, op: Op = 'read', role: Role = 'anonymous'): Promise<number | string> {
  const n = ++counter
  const make: Record<string, () => Promise<{ id: number | string }>> = {
    users: () =>
      payload.create({ collection: 'users', data: { email: `target-${n}@example.com`, password: 'password-123', roles: ['merchandiser'] }, ...internal }),
    // The owner's record, except when the admin deletes one: later cells still need the owner.
    customers: async () =>
      op === 'delete' && role === 'admin'
        ? payload.create({ collection: 'customers', data: { email: `gone-${n}@example.com`, password: 'password-123' }, ...internal })
        : { id: owner.id },
    products: () =>
      payload.create({ collection: 'products', data: { title: `Target ${n}`, price: 100, sku: `TARGET-${n}`, _status: 'published' }, ...internal }),
    categories: () => payload.create({ collection: 'categories', data: { title: `Target ${n}` }, ...internal }),
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
  })[slug] ?? { title: 'Changed' }

const ok = (status: number) => status >= 200 && status < 300

async function viaRest(slug: string, op: Op, role: Role): Promise<boolean> {
  const token = tokens[role]
  if (op === 'create') return ok((await api.post(`/${slug}`, createData(slug), { token })).status)
  const id = await makeDoc(slug, op, role)
  if (op === 'read') return ok((await api.get(`/${slug}/${id}`, { token })).status)
  if (op === 'update') return ok((await api.patch(`/${slug}/${id}`, updateData(slug), { token })).status)
  return ok((await api.del(`/${slug}/${id}`, { token })).status)
}

const gqlValue = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(v)
    : typeof v === 'number'
      ? String(v)
      : `{ ${Object.entries(v as object)
          .map(([k, x]) => `${k}: ${gqlValue(x)}`)
          .join(', ')} }`

async function viaGraphQL(slug: string, op: Op, role: Role): Promise<boolean> {
  const token = tokens[role]
  const name = GQL[slug]
  const data = (d: Record<string, unknown>) =>
    `{ ${Object.entries(d)
      .map(([k, v]) => `${k}: ${slug !== 'stock-movements' && k === 'reason' ? v : gqlValue(v)}`)
      .join(', ')} }`
  let query: string
  if (op === 'create') query = `mutation { create${name}(data: ${data(createData(slug))}) { id } }`
  else {
    const id = await makeDoc(slug, op, role)
    if (op === 'read') query = `{ ${name}(id: ${id}) { id } }`
    else if (op === 'update') query = `mutation { update${name}(id: ${id}, data: ${data(updateData(slug))}) { id } }`
    else query = `mutation { delete${name}(id: ${id}) { id } }`
  }
  const res = await api.gql(query, { token })
  const first = res.json.data ? Object.values(res.json.data)[0] : null
  return !res.json.errors && first != null
}

beforeAll(async () => {
  app = await bootPayload()
  payload = app.payload
  api = await restClient(payload.config)
  tokens.admin = (await staffToken(payload, 'admin')).token
  tokens.merchandiser = (await staffToken(payload, 'merchandiser')).token
  const a = await customerToken(payload)
  owner = { id: a.id, email: a.email }
  tokens.customer = a.token
  tokens.otherCustomer = (await customerToken(payload)).token
})

afterAll(async () => {
  await app.close()
})

const cells = Object.keys(MATRIX).flatMap((slug) => OPS.flatMap((op) => ROLES.map((role, i) => ({ slug, op, role, allowed: MATRIX[slug][op][i] }))))

describe.each(['REST', 'GraphQL'] as const)('access over %s', (transport) => {
  it.each(cells)('should $slug $op by $role be allowed=$allowed', async ({ slug, op, role, allowed }) => {
    const attempt = transport === 'REST' ? viaRest : viaGraphQL
    expect(await attempt(slug, op, role)).toBe(allowed)
  })
})

describe('fields the public must not see', () => {
  it('should hide payment references and internal notes from the customer who owns the order', async () => {
    const id = await makeDoc('orders')
    await payload.update({ collection: 'orders', id, data: { internalNotes: 'fragile', payment: { reference: 'ref-123' } }, ...internal })
    const rest = await api.get(`/orders/${id}`, { token: tokens.customer })
    const gql = await api.gql(`{ Order(id: ${id}) { internalNotes payment { reference } } }`, { token: tokens.customer })
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
})
