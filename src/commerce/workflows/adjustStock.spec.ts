import { describe, expect, it } from '@jest/globals'
import { adjustStock } from './adjustStock'
import { MemoryStore } from '../../../tests/fakes/memoryStore'
import { createTestDeps, rejectionOf } from '../../../tests/fakes/testing'

function setup(available = 8) {
  const store = new MemoryStore({
    skus: [{ sku: 'MUG', unitPrice: 1200, available, lowStockThreshold: 5 }],
  })
  return { store, deps: createTestDeps(store) }
}

describe('adjustStock', () => {
  it('should add a delta to the stock', async () => {
    const { store, deps } = setup()
    await adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: 4, reason: 'delivery' } })
    expect(store.available('MUG')).toBe(12)
  })

  it('should set the stock to a counted value', async () => {
    const { store, deps } = setup()
    await adjustStock(deps, { by: 3, body: { sku: 'MUG', setTo: 2, reason: 'stocktake' } })
    expect(store.available('MUG')).toBe(2)
  })

  it('should write an adjustment row with who and why', async () => {
    const { store, deps } = setup()
    await adjustStock(deps, { by: 3, body: { sku: 'MUG', setTo: 2, reason: 'stocktake' } })
    expect(store.ledgerRows('MUG').at(-1)).toMatchObject({
      sku: 'MUG',
      change: -6,
      reason: 'adjustment',
      by: 3,
      note: 'stocktake',
    })
  })

  it('should keep the ledger summing to stock', async () => {
    const { store, deps } = setup()
    await adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: -3, reason: 'breakage' } })
    expect(store.ledgerSum('MUG')).toBe(5)
  })

  it('should return the new level and change', async () => {
    const { deps } = setup()
    const result = await adjustStock(deps, {
      by: 3,
      body: { sku: 'MUG', delta: -3, reason: 'breakage' },
    })
    expect(result).toMatchObject({ sku: 'MUG', available: 5, change: -3 })
  })

  it('should count a retried delta once and give the first answer again for the same Idempotency-Key', async () => {
    const { deps, store } = setup()
    const request = { by: 3, body: { sku: 'MUG', delta: 2, reason: 'found' }, idempotencyKey: 'k-1', responseOf: (r: object) => ({ status: 200, body: r }) }
    const first = await adjustStock(deps, request)
    const again = await adjustStock(deps, request)
    expect([first.replay, again.replay, store.ledgerSum('MUG')]).toEqual([undefined, { status: 200, body: { sku: 'MUG', available: 10, change: 2 } }, 10])
  })

  it('should refuse the same Idempotency-Key with another body with 422 idempotency_key_reused', async () => {
    const { deps } = setup()
    await adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: 2, reason: 'found' }, idempotencyKey: 'k-2', responseOf: () => ({ status: 200, body: {} }) })
    const error = await rejectionOf(adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: 3, reason: 'found' }, idempotencyKey: 'k-2' }))
    expect([error.status, error.code]).toEqual([422, 'idempotency_key_reused'])
  })

  it('should free the key of a refused adjustment, so its retry can succeed', async () => {
    const { deps, store } = setup()
    const request = { by: 3, body: { sku: 'MUG', delta: -9, reason: 'breakage' }, idempotencyKey: 'k-3' }
    const refused = await rejectionOf(adjustStock(deps, request))
    await adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: 5, reason: 'delivery' } })
    await adjustStock(deps, request)
    expect([refused.code, store.available('MUG')]).toEqual(['negative_stock', 4])
  })

  it('should refuse going below zero with 409', async () => {
    const { deps } = setup()
    const error = await rejectionOf(adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: -9, reason: 'breakage' } }))
    expect([error.status, error.code, error.message]).toEqual([409, 'negative_stock', 'Stock cannot go below 0 (available 8, change -9)'])
  })

  it('should refuse when a sale since the read would make the delta go below zero', async () => {
    const { store, deps } = setup()
    const read = store.readStock.bind(store)
    store.readStock = async (skus) => {
      const levels = await read(skus)
      await store.reserveStock('MUG', 6)
      return levels
    }
    const error = await rejectionOf(adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: -5, reason: 'breakage' } }))
    expect([error.code, store.available('MUG')]).toEqual(['negative_stock', 2])
  })

  it('should refuse a setTo when stock moved since it was read', async () => {
    const { store, deps } = setup()
    const read = store.readStock.bind(store)
    store.readStock = async (skus) => {
      const levels = await read(skus)
      await store.reserveStock('MUG', 1)
      return levels
    }
    const error = await rejectionOf(adjustStock(deps, { by: 3, body: { sku: 'MUG', setTo: 20, reason: 'count' } }))
    expect([error.status, error.code, store.available('MUG')]).toEqual([409, 'stock_changed', 7])
  })

  it('should answer 404 for an unknown SKU', async () => {
    const { deps } = setup()
    const error = await rejectionOf(adjustStock(deps, { by: 3, body: { sku: 'NOPE', delta: 1, reason: 'x' } }))
    expect([error.status, error.code]).toEqual([404, 'unknown_sku'])
  })

  it('should refuse a body without a reason', async () => {
    const { deps } = setup()
    const error = await rejectionOf(adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: 1 } }))
    expect(error.details).toEqual([{ field: 'reason', message: 'is required' }])
  })

  it('should publish stock.changed and stock.low when crossing the threshold', async () => {
    const { deps } = setup()
    await adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: -3, reason: 'breakage' } })
    expect(deps.published).toEqual([
      {
        type: 'stock.changed',
        payload: { sku: 'MUG', available: 5, change: -3, reason: 'adjustment' },
      },
      { type: 'stock.low', payload: { sku: 'MUG', available: 5, threshold: 5 } },
    ])
  })

  it('should queue the low-stock alert with the change, and take the change back when queueing fails', async () => {
    const { store, deps } = setup()
    await adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: -3, reason: 'breakage' } })
    expect(store.followUps).toEqual(deps.published)
    store.failOn('queueFollowUps')
    await rejectionOf(adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: -1, reason: 'breakage' } }))
    expect([store.available('MUG'), store.ledgerSum('MUG')]).toEqual([5, 5])
  })

  it('should publish nothing for a count that matches the stock', async () => {
    const { deps } = setup()
    await adjustStock(deps, { by: 3, body: { sku: 'MUG', setTo: 8, reason: 'count' } })
    expect(deps.published).toEqual([])
  })

  it('should undo the stock change when writing the ledger fails', async () => {
    const { store, deps } = setup()
    store.failOn('insertMovements')
    await rejectionOf(adjustStock(deps, { by: 3, body: { sku: 'MUG', delta: 5, reason: 'delivery' } }))
    expect([store.available('MUG'), store.ledgerSum('MUG'), deps.published]).toEqual([8, 8, []])
  })
})
