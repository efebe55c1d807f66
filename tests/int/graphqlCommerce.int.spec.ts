import { bootShop, checkoutBody, customerToken, newKey, productWithStock } from '../helpers/shop'

// The commerce operations as GraphQL mutations: the same functions as REST, so the same answers and the same error codes.
let shop: Awaited<ReturnType<typeof bootShop>>

beforeAll(async () => {
  shop = await bootShop()
  await productWithStock(shop.payload, shop.api, shop.staff, 'GQL-MUG', 1200, 10)
  await productWithStock(shop.payload, shop.api, shop.staff, 'GQL-RARE', 900, 1)
})

afterAll(async () => {
  await shop?.app.close()
})

const QUOTE = 'mutation Q($input: CommerceJSON!) { QuoteCart(input: $input) }'
const CHECKOUT = 'mutation C($input: CommerceJSON!, $key: String) { Checkout(input: $input, idempotencyKey: $key) }'
const TRANSITION = 'mutation T($id: ID!, $input: CommerceJSON!) { TransitionOrder(id: $id, input: $input) }'
const LOOKUP = 'mutation L($number: String!, $token: String!) { LookupOrder(number: $number, token: $token) }'
const ADJUST = 'mutation A($input: CommerceJSON!) { AdjustStock(input: $input) }'

const gql = (query: string, variables: Record<string, unknown>, token?: string) => shop.api.gql(query, { variables, token })
const codeOf = (res: { json: { errors?: { extensions?: { code?: string } }[] } }) => res.json.errors?.[0]?.extensions?.code
const placed = async (sku = 'GQL-MUG') => (await gql(CHECKOUT, { input: checkoutBody([{ sku, quantity: 1 }]), key: newKey() })).json.data.Checkout

describe('QuoteCart', () => {
  it('should answer the same quote as POST /api/cart/quote', async () => {
    const body = { items: [{ sku: 'GQL-MUG', quantity: 2 }] }
    const [viaGraphQL, viaRest] = await Promise.all([gql(QUOTE, { input: body }), shop.api.post('/cart/quote', body)])
    expect([viaGraphQL.json.errors, viaGraphQL.json.data?.QuoteCart]).toEqual([undefined, viaRest.json])
  })

  it('should refuse a malformed cart with the REST error code in extensions.code', async () => {
    const [viaGraphQL, viaRest] = await Promise.all([gql(QUOTE, { input: { items: 'many' } }), shop.api.post('/cart/quote', { items: 'many' })])
    expect([codeOf(viaGraphQL), viaRest.status]).toEqual([viaRest.json.error.code, 400])
  })
})

describe('Checkout', () => {
  it('should place an order and give the same order to REST for the same idempotency key', async () => {
    const key = newKey()
    const body = checkoutBody([{ sku: 'GQL-MUG', quantity: 1 }])
    const viaGraphQL = (await gql(CHECKOUT, { input: body, key })).json.data.Checkout
    const viaRest = await shop.api.post('/checkout', body, { headers: { 'idempotency-key': key } })
    expect([viaGraphQL.order.status, viaRest.json.order.id]).toEqual(['paid', viaGraphQL.order.id])
  })

  it('should refuse a checkout without an idempotency key as REST does', async () => {
    const body = checkoutBody([{ sku: 'GQL-MUG', quantity: 1 }])
    const [viaGraphQL, viaRest] = [await gql(CHECKOUT, { input: body }), await shop.api.post('/checkout', body)]
    expect([codeOf(viaGraphQL), viaRest.json.error.code]).toEqual(['missing_idempotency_key', 'missing_idempotency_key'])
  })

  it('should refuse more than the stock with insufficient_stock and the status in extensions', async () => {
    const res = await gql(CHECKOUT, { input: checkoutBody([{ sku: 'GQL-RARE', quantity: 5 }]), key: newKey() })
    expect([codeOf(res), res.json.errors[0].extensions.statusCode]).toEqual(['insufficient_stock', 409])
  })
})

describe('TransitionOrder', () => {
  it('should move an order for staff and answer as REST does', async () => {
    const { order } = await placed()
    const res = await gql(TRANSITION, { id: order.id, input: { to: 'fulfilled', carrier: 'Royal Mail', trackingNumber: 'RM1' } }, shop.staff)
    expect(res.json.data.TransitionOrder).toMatchObject({ orderId: order.id, from: 'paid', to: 'fulfilled' })
  })

  it('should refuse an anonymous caller with unauthenticated, as REST does', async () => {
    const { order } = await placed()
    const [viaGraphQL, viaRest] = [
      await gql(TRANSITION, { id: order.id, input: { to: 'cancelled' } }),
      await shop.api.post(`/orders/${order.id}/transition`, { to: 'cancelled' }),
    ]
    expect([codeOf(viaGraphQL), viaRest.status, viaRest.json.error.code]).toEqual(['unauthenticated', 401, 'unauthenticated'])
  })

  it('should refuse a move the order states do not allow with the REST code', async () => {
    const { order } = await placed()
    const [viaGraphQL, viaRest] = [
      await gql(TRANSITION, { id: order.id, input: { to: 'delivered' } }, shop.staff),
      await shop.api.post(`/orders/${order.id}/transition`, { to: 'delivered' }, { token: shop.staff }),
    ]
    expect(codeOf(viaGraphQL)).toBe(viaRest.json.error.code)
  })
})

describe('LookupOrder', () => {
  it("should show a guest's order by number and token, as GET /api/orders/lookup does", async () => {
    const { order, lookupToken } = await placed()
    const viaGraphQL = await gql(LOOKUP, { number: order.orderNumber, token: lookupToken })
    const viaRest = await shop.api.get(`/orders/lookup?number=${order.orderNumber}&token=${encodeURIComponent(lookupToken)}`)
    expect(viaGraphQL.json.data.LookupOrder).toEqual(viaRest.json)
  })

  it('should refuse a wrong token with order_not_found', async () => {
    const { order } = await placed()
    expect(codeOf(await gql(LOOKUP, { number: order.orderNumber, token: 'wrong' }))).toBe('order_not_found')
  })
})

describe('AdjustStock', () => {
  it('should adjust stock for staff and answer as REST does', async () => {
    const viaGraphQL = (await gql(ADJUST, { input: { sku: 'GQL-MUG', delta: 3, reason: 'Found in the stockroom' } }, shop.staff)).json.data.AdjustStock
    const viaRest = (await shop.api.post('/inventory/adjust', { sku: 'GQL-MUG', delta: 3, reason: 'Found in the stockroom' }, { token: shop.staff })).json
    expect(viaRest).toEqual({ ...viaGraphQL, available: viaGraphQL.available + 3 })
  })

  it('should refuse a customer with forbidden, as REST does', async () => {
    const { token } = await customerToken(shop.payload)
    const input = { sku: 'GQL-MUG', delta: 1, reason: 'Mine now' }
    const [viaGraphQL, viaRest] = [await gql(ADJUST, { input }, token), await shop.api.post('/inventory/adjust', input, { token })]
    expect([codeOf(viaGraphQL), viaRest.status, viaRest.json.error.code]).toEqual(['forbidden', 403, 'forbidden'])
  })

  it('should refuse taking more than is in stock with negative_stock', async () => {
    const res = await gql(ADJUST, { input: { sku: 'GQL-RARE', delta: -50, reason: 'Breakage' } }, shop.staff)
    expect(codeOf(res)).toBe('negative_stock')
  })
})
