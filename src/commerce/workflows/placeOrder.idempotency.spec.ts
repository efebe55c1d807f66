import { describe, expect, it, jest } from '@jest/globals'
import { catalogueStore } from '../../../tests/fakes/catalogueStore'
import type { MemoryStore } from '../../../tests/fakes/memoryStore'
import { DECLINED_CARD, checkoutBody, createTestDeps, rejectionOf } from '../../../tests/fakes/testing'
import { testCardPayments } from '../payments'
import type { PaymentProvider } from '../payments'
import { placeOrder } from './placeOrder'
import type { CommerceStore } from './ports'

const derive = (key: string, hash: string) => `token:${key}:${hash}`

describe('placeOrder with an Idempotency-Key', () => {
  it('should make one order for concurrent requests with one key and answer each alike', async () => {
    const store = catalogueStore()
    const deps = createTestDeps(store)
    const input = { body: checkoutBody(), idempotencyKey: 'k-20', deriveLookupToken: derive }
    const results = await Promise.all(Array.from({ length: 20 }, () => placeOrder(deps, input)))
    const answers = new Set(results.map((r) => JSON.stringify([r.order, r.lookupToken])))
    expect([store.allOrders().length, answers.size, results.filter((r) => r.replayed).length]).toEqual([1, 1, 19])
  })

  it('should answer a replay with the order as it is now', async () => {
    const store = catalogueStore()
    const deps = createTestDeps(store)
    const input = { body: checkoutBody({ paymentMethod: 'manual', card: undefined }), idempotencyKey: 'k-now' }
    const first = await placeOrder(deps, input)
    await store.updateOrder(first.order.id, { status: 'cancelled' }, 'pending')
    expect((await placeOrder(deps, input)).order.status).toBe('cancelled')
  })

  it('should answer a replay with the first answer kept with the key, even after the order moved on', async () => {
    const store = catalogueStore()
    const deps = createTestDeps(store)
    const responseOf = (order: { status: string }) => ({ status: 201, body: { status: order.status } })
    const input = { body: checkoutBody({ paymentMethod: 'manual', card: undefined }), idempotencyKey: 'k-kept', responseOf }
    const first = await placeOrder(deps, input)
    await store.updateOrder(first.order.id, { status: 'cancelled' }, 'pending')
    const replay = await placeOrder(deps, input)
    expect([first.response, replay.response]).toEqual([undefined, { status: 201, body: { status: 'pending' } }])
  })

  it('should publish and write nothing when replaying', async () => {
    const store = catalogueStore()
    const deps = createTestDeps(store)
    await placeOrder(deps, { body: checkoutBody(), idempotencyKey: 'k-quiet' })
    const published = deps.published.length
    const replay = await placeOrder(deps, { body: checkoutBody(), idempotencyKey: 'k-quiet' })
    expect([replay.events, deps.published.length, store.available('MUG-BLUE')]).toEqual([[], published, 9])
  })

  it('should answer 422 idempotency_key_reused for the key with another body', async () => {
    const deps = createTestDeps(catalogueStore())
    await placeOrder(deps, { body: checkoutBody(), idempotencyKey: 'k-other' })
    const error = await rejectionOf(placeOrder(deps, { body: checkoutBody({ email: 'bob@example.com' }), idempotencyKey: 'k-other' }))
    expect([error.status, error.code]).toEqual([422, 'idempotency_key_reused'])
  })

  it('should answer 409 order_gone when the key’s order no longer exists', async () => {
    const store = catalogueStore()
    const gone: CommerceStore = Object.assign(Object.create(store) as MemoryStore, {
      claimIdempotencyKey: async () => ({ kind: 'replay' as const, resultId: 999 }),
    })
    const error = await rejectionOf(placeOrder(createTestDeps(gone), { body: checkoutBody(), idempotencyKey: 'k-gone' }))
    expect([error.status, error.code]).toEqual([409, 'order_gone'])
  })

  it('should derive the lookup token from the key and request hash', async () => {
    const result = await placeOrder(createTestDeps(catalogueStore()), { body: checkoutBody(), idempotencyKey: 'k-t', deriveLookupToken: derive })
    expect(result.lookupToken).toBe(`token:k-t:${result.requestHash}`)
  })
})

describe('placeOrder payment', () => {
  it('should authorise the payment before any stock is reserved', async () => {
    const store = catalogueStore()
    const seen: (number | undefined)[] = []
    const watching: PaymentProvider = {
      ...testCardPayments,
      authorize: async (request) => {
        seen.push(store.available('MUG-BLUE'), store.transactions)
        return testCardPayments.authorize(request)
      },
    }
    await placeOrder(createTestDeps(store, { payments: new Map([['test-card', watching]]) }), { body: checkoutBody() })
    expect(seen).toEqual([10, 0])
  })

  it('should open no transaction when the card is declined', async () => {
    const store = catalogueStore()
    await rejectionOf(placeOrder(createTestDeps(store), { body: checkoutBody({ card: DECLINED_CARD }) }))
    expect(store.transactions).toBe(0)
  })

  it('should void the payment and release the key when the transaction fails', async () => {
    const store = catalogueStore()
    const voided = jest.fn(async () => undefined)
    const payments = new Map([['test-card', { ...testCardPayments, void: voided }]])
    store.failOn('createOrder')
    const deps = createTestDeps(store, { payments })
    await rejectionOf(placeOrder(deps, { body: checkoutBody(), idempotencyKey: 'k-void' }))
    const retry = await placeOrder(deps, { body: checkoutBody(), idempotencyKey: 'k-void' })
    expect([voided.mock.calls.length, retry.replayed, retry.order.status]).toEqual([1, false, 'paid'])
  })
})
