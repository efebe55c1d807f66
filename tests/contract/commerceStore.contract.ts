import { describe, expect, it } from '@jest/globals'

import { CommerceError } from '../../src/commerce/errors'
import type { Id } from '../../src/commerce/workflows/ports'
import { idempotencyCases } from './idempotencyCases'
import { orderCases } from './orderCases'
import { orderDraft, rejectionOf, unique } from './storeUnderTest'
import type { StoreUnderTest } from './storeUnderTest'

export type { StoreUnderTest } from './storeUnderTest'

/** The CommerceStore port's contract: every store, fake or real, passes the same cases. */
export function commerceStoreContract(name: string, subject: () => StoreUnderTest): void {
  describe(`${name} keeps the CommerceStore contract`, () => {
    stockCases(subject)
    ledgerCases(subject)
    orderCases(subject)
    idempotencyCases(subject)
    transactionCases(subject)
  })
}

function stockCases(subject: () => StoreUnderTest): void {
  it('should reserve stock and answer the new level', async () => {
    const { store, addSku } = subject()
    const sku = unique('RES')
    await addSku(sku, 3)
    expect([await store.reserveStock(sku, 2), (await store.readStock([sku]))[0].available]).toEqual([1, 1])
  })

  it('should refuse a reservation larger than the stock and leave the stock alone', async () => {
    const { store, addSku } = subject()
    const sku = unique('SHORT')
    await addSku(sku, 3)
    expect([await store.reserveStock(sku, 4), (await store.readStock([sku]))[0].available]).toEqual([null, 3])
  })

  it('should refuse a reservation of an unknown SKU', async () => {
    expect(await subject().store.reserveStock(unique('NONE'), 1)).toBeNull()
  })

  it('should never oversell under concurrent reservations', async () => {
    const { store, addSku } = subject()
    const sku = unique('RACE')
    await addSku(sku, 3)
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => store.reserveStock(sku, 1)))
    expect([results.filter((r) => r !== null).length, (await store.readStock([sku]))[0].available]).toEqual([3, 0])
  })

  it('should release stock unconditionally', async () => {
    const { store, addSku } = subject()
    const sku = unique('REL')
    await addSku(sku, 0)
    expect(await store.releaseStock(sku, 2)).toBe(2)
  })

  it('should refuse an adjustment below zero', async () => {
    const { store, addSku } = subject()
    const sku = unique('ADJ')
    await addSku(sku, 3)
    expect([await store.adjustAvailable(sku, -4), (await store.readStock([sku]))[0].available]).toEqual([null, 3])
  })

  it('should refuse a compare-and-set against a stale level and apply one against the current level', async () => {
    const { store, addSku } = subject()
    const sku = unique('CAS')
    await addSku(sku, 3)
    expect([await store.adjustAvailable(sku, 2, 1), await store.adjustAvailable(sku, 2, 3)]).toEqual([null, 5])
  })

  it('should read the stock of known SKUs only', async () => {
    const { store, addSku } = subject()
    const sku = unique('READ')
    await addSku(sku, 7)
    expect((await store.readStock([sku, unique('NONE')])).map((l) => [l.sku, l.available])).toEqual([[sku, 7]])
  })
}

function ledgerCases(subject: () => StoreUnderTest): void {
  it('should insert ledger rows and answer one id per row', async () => {
    const { store, addSku, ledger } = subject()
    const sku = unique('LED')
    await addSku(sku, 5)
    const before = (await ledger(sku)).length
    const ids = await store.insertMovements([
      { sku, change: -1, reason: 'reserve', order: null, by: null, note: null },
      { sku, change: 0, reason: 'sale', order: null, by: null, note: 'paid' },
    ])
    expect([ids.length, new Set(ids).size, (await ledger(sku)).slice(before)]).toEqual([
      2,
      2,
      [
        { change: -1, reason: 'reserve' },
        { change: 0, reason: 'sale' },
      ],
    ])
  })

  it('should delete exactly the ledger rows named', async () => {
    const { store, addSku, ledger } = subject()
    const sku = unique('DEL')
    await addSku(sku, 5)
    const before = await ledger(sku)
    const [first] = await store.insertMovements([
      { sku, change: -1, reason: 'reserve', order: null, by: null, note: null },
      { sku, change: 1, reason: 'release', order: null, by: null, note: null },
    ])
    await store.deleteMovements([first])
    expect(await ledger(sku)).toEqual([...before, { change: 1, reason: 'release' }])
  })

  it('should insert nothing for no rows', async () => {
    expect(await subject().store.insertMovements([])).toEqual([])
  })
}

function transactionCases(subject: () => StoreUnderTest): void {
  it('should commit every write of a transaction that resolves', async () => {
    const { store, addSku } = subject()
    const sku = unique('TXOK')
    await addSku(sku, 3)
    const id = await store.withTransaction(async (tx) => {
      await tx.reserveStock(sku, 1)
      return (await tx.createOrder(await orderDraft(store, sku))).id
    })
    expect([(await store.readStock([sku]))[0].available, (await store.findOrder(id))?.status]).toEqual([2, 'pending'])
  })

  it('should roll back every write of a transaction that throws, and rethrow its error', async () => {
    const { store, addSku, ledger } = subject()
    const sku = unique('TXNO')
    await addSku(sku, 3)
    const rowsBefore = (await ledger(sku)).length
    const key = unique('key')
    const claim = await store.claimIdempotencyKey('checkout', key, 'h1')
    let orderId: Id = -1
    const error = await rejectionOf(
      store.withTransaction(async (tx) => {
        await tx.reserveStock(sku, 1)
        orderId = (await tx.createOrder(await orderDraft(store, sku))).id
        await tx.insertMovements([{ sku, change: -1, reason: 'reserve', order: orderId, by: null, note: null }])
        if (claim.kind === 'claimed') await tx.completeIdempotencyKey('checkout', key, claim.claimId, orderId)
        throw new CommerceError(402, 'payment_declined', 'no')
      }),
    )
    const after = [(await store.readStock([sku]))[0].available, await store.findOrder(orderId), (await ledger(sku)).length]
    expect([error.code, ...after, await store.findIdempotencyKey('checkout', orderId)]).toEqual(['payment_declined', 3, null, rowsBefore, null])
  })
}
