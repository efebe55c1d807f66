import { describe, expect, it } from '@jest/globals'

import { MemoryStore } from '../../../tests/fakes/memoryStore'
import { applyStockChanges, recordOpeningStock } from './applyStock'

function store() {
  return new MemoryStore({
    skus: [
      { sku: 'MUG', unitPrice: 650, available: 8, lowStockThreshold: 5 },
      { sku: 'CAP', unitPrice: 900, available: 2, lowStockThreshold: 1 },
    ],
  })
}

const meta = { by: 7, note: 'CSV import #1 (stock.csv)', thresholds: new Map([['MUG', 5]]) }

describe('applyStockChanges', () => {
  it('should set each SKU to the planned level and write an adjustment to the ledger for each', async () => {
    const s = store()
    await applyStockChanges(s, [{ row: 2, sku: 'MUG', from: 8, to: 3 }], meta)
    expect(s.available('MUG')).toBe(3)
    expect(s.ledgerRows('MUG').at(-1)).toMatchObject({ sku: 'MUG', change: -5, reason: 'adjustment', by: 7, note: 'CSV import #1 (stock.csv)' })
  })

  it('should return the changes with their threshold for the stock events', async () => {
    const changes = await applyStockChanges(store(), [{ row: 2, sku: 'MUG', from: 8, to: 3 }], meta)
    expect(changes).toEqual([{ sku: 'MUG', change: -5, available: 3, reason: 'adjustment', lowStockThreshold: 5 }])
  })

  it('should refuse with 409 stock_changed when the level moved since the preview', async () => {
    const s = store()
    await expect(applyStockChanges(s, [{ row: 3, sku: 'CAP', from: 5, to: 9 }], meta)).rejects.toMatchObject({ status: 409, code: 'stock_changed' })
    expect(s.available('CAP')).toBe(2)
  })
})

describe('recordOpeningStock', () => {
  it('should write one adjustment from 0 per new SKU and return the changes for events, leaving stock rows alone', async () => {
    const s = store()
    const changes = await recordOpeningStock(s, [{ row: 2, sku: 'NEW-1', from: 0, to: 4 }], { ...meta, thresholds: new Map([['NEW-1', 2]]) })
    expect(changes).toEqual([{ sku: 'NEW-1', change: 4, available: 4, reason: 'adjustment', lowStockThreshold: 2 }])
    expect(s.ledgerRows('NEW-1')).toEqual([
      expect.objectContaining({ sku: 'NEW-1', change: 4, reason: 'adjustment', by: 7, note: 'CSV import #1 (stock.csv)' }),
    ])
    expect(s.available('MUG')).toBe(8)
  })
})
