import { describe, expect, it } from '@jest/globals'
import { placeOrder } from './placeOrder'
import { catalogueStore } from '../../../tests/fakes/catalogueStore'
import { undoErrorsOf } from './runWorkflow'
import { checkoutBody, createTestDeps, rejectionOf } from '../../../tests/fakes/testing'
import { transitionOrder } from './transitionOrder'

const twoLines = [
  { sku: 'TEA', quantity: 2 },
  { sku: 'MUG-BLUE', quantity: 1 },
]

async function pendingOrder() {
  const store = catalogueStore()
  const deps = createTestDeps(store)
  const body = checkoutBody({ items: twoLines, paymentMethod: 'manual', card: undefined })
  const { order } = await placeOrder(deps, { body })
  deps.published.length = 0
  const before = {
    order: store.allOrders()[0],
    tea: store.available('TEA'),
    mug: store.available('MUG-BLUE'),
    rows: store.ledgerRows().length,
  }
  const cancel = () => transitionOrder(deps, { orderId: order.id, by: 7, body: { to: 'cancelled' } })
  return { store, deps, before, cancel }
}

describe('transitionOrder undo paths', () => {
  it('should restore the status and history when writing the ledger fails', async () => {
    const { store, before, cancel } = await pendingOrder()
    store.failOn('insertMovements')
    await rejectionOf(cancel())
    expect(store.allOrders()[0]).toEqual(before.order)
  })

  it('should take released stock back when writing the ledger fails', async () => {
    const { store, before, cancel } = await pendingOrder()
    store.failOn('insertMovements')
    await rejectionOf(cancel())
    expect([store.available('TEA'), store.available('MUG-BLUE'), store.ledgerRows().length]).toEqual([before.tea, before.mug, before.rows])
  })

  it('should take back the first SKU when releasing the second fails', async () => {
    const { store, before, cancel } = await pendingOrder()
    store.failOn('releaseStock', new Error('lock timeout'), 1)
    await rejectionOf(cancel())
    expect([store.available('MUG-BLUE'), store.allOrders()[0].status]).toEqual([before.mug, 'pending'])
  })

  it('should publish nothing when the move fails', async () => {
    const { store, deps, cancel } = await pendingOrder()
    store.failOn('insertMovements')
    await rejectionOf(cancel())
    expect(deps.published).toEqual([])
  })

  it('should report an undo that could not take stock back because it was sold meanwhile', async () => {
    const { store, cancel } = await pendingOrder()
    store.insertMovements = async () => {
      await store.reserveStock('TEA', 3)
      throw new Error('ledger write failed')
    }
    const error = await rejectionOf<Error>(cancel())
    expect([error.message, undoErrorsOf(error).map((u) => u.step)]).toEqual(['ledger write failed', ['transitionOrder.releaseStock:TEA']])
  })
})
