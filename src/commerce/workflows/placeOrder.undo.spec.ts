import { describe, expect, it, jest } from '@jest/globals'
import type { CommerceError } from '../errors'
import { testCardPayments } from '../payments'
import type { PaymentProvider } from '../payments'
import type { MemoryStore } from '../../../tests/fakes/memoryStore'
import { placeOrder } from './placeOrder'
import { catalogueStore } from '../../../tests/fakes/catalogueStore'
import type { CommerceStore } from './ports'
import { undoErrorsOf } from './runWorkflow'
import { DECLINED_CARD, checkoutBody, createTestDeps, rejectionOf } from '../../../tests/fakes/testing'

const twoLines = [
  { sku: 'TEA', quantity: 2 },
  { sku: 'MUG-BLUE', quantity: 1 },
]

function voidableCard() {
  const voided = jest.fn<(reference: string) => Promise<void>>(async () => undefined)
  const provider: PaymentProvider = { ...testCardPayments, void: voided }
  return { voided, payments: new Map([['test-card', provider]]) }
}

/** Stock, orders and ledger rows: what a failed checkout must leave exactly as it found them. */
function snapshot(store: MemoryStore) {
  return {
    tea: store.available('TEA'),
    mug: store.available('MUG-BLUE'),
    orders: store.allOrders().length,
    rows: store.ledgerRows().length,
  }
}

const untouched = { tea: 3, mug: 10, orders: 0, rows: 4 }

/** Another checkout takes `sku` between our read and our conditional update. */
function raceOn(store: MemoryStore, sku: string, quantity: number): void {
  const reserve = store.reserveStock.bind(store)
  let raced = false
  store.reserveStock = async (s: string, q: number) => {
    if (s === sku && !raced) {
      raced = true
      await reserve(sku, quantity)
    }
    return reserve(s, q)
  }
}

describe('placeOrder undo paths', () => {
  it('should answer 402 payment_declined with the card message', async () => {
    const error = await rejectionOf(placeOrder(createTestDeps(catalogueStore()), { body: checkoutBody({ card: DECLINED_CARD }) }))
    expect([error.status, error.code, error.message]).toEqual([402, 'payment_declined', 'Your card was declined.'])
  })

  it('should put stock back and delete the order when the card is declined', async () => {
    const store = catalogueStore()
    await rejectionOf(
      placeOrder(createTestDeps(store), {
        body: checkoutBody({ items: twoLines, card: DECLINED_CARD }),
      }),
    )
    expect(snapshot(store)).toEqual(untouched)
  })

  it('should publish nothing when the card is declined', async () => {
    const deps = createTestDeps(catalogueStore())
    await rejectionOf(placeOrder(deps, { body: checkoutBody({ card: DECLINED_CARD }) }))
    expect(deps.published).toEqual([])
  })

  it('should release the first SKU when the second comes back short', async () => {
    const store = catalogueStore()
    raceOn(store, 'TEA', 2)
    await rejectionOf(placeOrder(createTestDeps(store), { body: checkoutBody({ items: twoLines }) }))
    expect([store.available('MUG-BLUE'), store.allOrders().length]).toEqual([10, 0])
  })

  it('should report the short SKU with the stock read after the race', async () => {
    const store = catalogueStore()
    raceOn(store, 'TEA', 2)
    const error = await rejectionOf(placeOrder(createTestDeps(store), { body: checkoutBody({ items: twoLines }) }))
    expect([error.status, error.details]).toEqual([409, [{ sku: 'TEA', requested: 2, available: 1 }]])
  })

  it('should undo every reservation when creating the order fails', async () => {
    const store = catalogueStore()
    store.failOn('createOrder')
    await rejectionOf(placeOrder(createTestDeps(store), { body: checkoutBody({ items: twoLines }) }))
    expect(snapshot(store)).toEqual(untouched)
  })

  it('should delete the order and release stock when writing the ledger fails', async () => {
    const store = catalogueStore()
    store.failOn('insertMovements')
    await rejectionOf(placeOrder(createTestDeps(store), { body: checkoutBody({ items: twoLines }) }))
    expect(snapshot(store)).toEqual(untouched)
  })

  it('should void an approved payment when creating the paid order fails', async () => {
    const store = catalogueStore()
    const { voided, payments } = voidableCard()
    store.failOn('createOrder')
    await rejectionOf(placeOrder(createTestDeps(store, { payments }), { body: checkoutBody() }))
    expect(voided).toHaveBeenCalledWith('test-card:IR-000001')
  })

  it('should undo everything when writing the reservation and sale rows fails', async () => {
    const store = catalogueStore()
    store.failOn('insertMovements', new Error('disk full'))
    await rejectionOf(placeOrder(createTestDeps(store), { body: checkoutBody({ items: twoLines }) }))
    expect(snapshot(store)).toEqual(untouched)
  })

  it('should rethrow the original error and attach a failed undo to it', async () => {
    const store = catalogueStore()
    store.failOn('createOrder', new Error('db gone'))
    store.failOn('releaseStock', new Error('still gone'))
    const error = await rejectionOf<Error>(placeOrder(createTestDeps(store), { body: checkoutBody() }))
    expect([error.message, undoErrorsOf(error).map((u) => u.step)]).toEqual(['db gone', ['placeOrder.reserveStock:MUG-BLUE']])
  })

  it('should void an approved payment when the commit itself fails', async () => {
    const store = catalogueStore()
    const failingCommit: CommerceStore = Object.assign(Object.create(store) as MemoryStore, {
      withTransaction: async (fn: (tx: CommerceStore) => Promise<unknown>) => {
        await fn(store)
        throw new Error('could not serialize access')
      },
    })
    const { voided, payments } = voidableCard()
    await rejectionOf(placeOrder(createTestDeps(failingCommit, { payments }), { body: checkoutBody() }))
    expect(voided).toHaveBeenCalledTimes(1)
  })

  it('should void the payment, delete the order and release stock when queueing its email fails', async () => {
    const store = catalogueStore()
    const { voided, payments } = voidableCard()
    store.failOn('queueFollowUps', new Error('jobs table locked'))
    const deps = createTestDeps(store, { payments })
    const error = await rejectionOf<Error>(placeOrder(deps, { body: checkoutBody({ items: twoLines }) }))
    expect(error.message).toBe('jobs table locked')
    expect(snapshot(store)).toEqual(untouched)
    expect(voided).toHaveBeenCalledTimes(1)
    expect([store.followUps, deps.published]).toEqual([[], []])
  })

  it('should allow the same cart to succeed after a refusal', async () => {
    const store = catalogueStore()
    const deps = createTestDeps(store)
    await rejectionOf<CommerceError>(placeOrder(deps, { body: checkoutBody({ card: DECLINED_CARD }), idempotencyKey: 'k' }))
    const retry = await placeOrder(deps, { body: checkoutBody(), idempotencyKey: 'k' })
    expect(retry.order.status).toBe('paid')
  })
})
