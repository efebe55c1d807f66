import { expect, it } from '@jest/globals'

import type { IdempotencyClaim } from '../../src/commerce/idempotency'
import type { CommerceStore, Id } from '../../src/commerce/workflows/ports'
import { orderDraft, rejectionOf, unique } from './storeUnderTest'
import type { StoreUnderTest } from './storeUnderTest'

function claimIdOf(claim: IdempotencyClaim): Id {
  if (claim.kind !== 'claimed') throw new Error(`expected a fresh claim, got ${claim.kind}`)
  return claim.claimId
}

/** A claimed key completed with a new order: what a successful checkout leaves behind. */
async function completedKey(subject: StoreUnderTest, hash: string) {
  const { store, addSku } = subject
  const key = unique('key')
  const sku = unique('IDEM')
  await addSku(sku, 1)
  const claimId = claimIdOf(await store.claimIdempotencyKey('checkout', key, hash))
  const { id } = await store.withTransaction(async (tx) => {
    const order = await tx.createOrder(await orderDraft(store, sku))
    await tx.completeIdempotencyKey('checkout', key, claimId, order.id)
    return order
  })
  return { key, orderId: id, claimId }
}

const claim = (store: CommerceStore, key: string, hash: string) => store.claimIdempotencyKey('checkout', key, hash)

export function idempotencyCases(subject: () => StoreUnderTest): void {
  it('should claim a new key', async () => {
    expect((await claim(subject().store, unique('key'), 'h1')).kind).toBe('claimed')
  })

  it('should answer a completed key with its order', async () => {
    const { key, orderId } = await completedKey(subject(), 'h1')
    expect(await claim(subject().store, key, 'h1')).toEqual({ kind: 'replay', resultId: orderId })
  })

  it('should keep the key and request hash with the order they made', async () => {
    const { key, orderId } = await completedKey(subject(), 'h-kept')
    expect(await subject().store.findIdempotencyKey('checkout', orderId)).toEqual({ key, requestHash: 'h-kept' })
  })

  it('should find no key for an order placed without one', async () => {
    expect(await subject().store.findIdempotencyKey('checkout', 987654321)).toBeNull()
  })

  it('should refuse a completed key reused with another request hash', async () => {
    const { key } = await completedKey(subject(), 'h1')
    const error = await rejectionOf(claim(subject().store, key, 'h2'))
    expect([error.status, error.code]).toEqual([422, 'idempotency_key_reused'])
  })

  it('should refuse a key still being processed when reused with another request hash', async () => {
    const key = unique('key')
    await claim(subject().store, key, 'h1')
    const error = await rejectionOf(claim(subject().store, key, 'h2'))
    expect([error.status, error.code]).toEqual([422, 'idempotency_key_reused'])
  })

  it('should make a second request wait for the first and answer with its order', async () => {
    const { store, addSku } = subject()
    const key = unique('key')
    const sku = unique('WAIT')
    await addSku(sku, 1)
    const claimId = claimIdOf(await claim(store, key, 'h1'))
    const second = claim(store, key, 'h1')
    const { id } = await store.createOrder(await orderDraft(store, sku))
    await store.completeIdempotencyKey('checkout', key, claimId, id)
    expect(await second).toEqual({ kind: 'replay', resultId: id })
  })

  it('should let a released key be claimed again', async () => {
    const { store } = subject()
    const key = unique('key')
    await store.releaseIdempotencyKey('checkout', key, claimIdOf(await claim(store, key, 'h1')))
    expect((await claim(store, key, 'h2')).kind).toBe('claimed')
  })

  it('should keep a completed key when asked to release it', async () => {
    const { key, orderId, claimId } = await completedKey(subject(), 'h1')
    await subject().store.releaseIdempotencyKey('checkout', key, claimId)
    expect(await claim(subject().store, key, 'h1')).toEqual({ kind: 'replay', resultId: orderId })
  })

  it('should refuse to complete a claim that was released and taken by another request', async () => {
    const { store, addSku } = subject()
    const key = unique('key')
    const sku = unique('TAKEN')
    await addSku(sku, 1)
    const first = claimIdOf(await claim(store, key, 'h1'))
    await store.releaseIdempotencyKey('checkout', key, first)
    await claim(store, key, 'h1')
    const { id } = await store.createOrder(await orderDraft(store, sku))
    const error = await rejectionOf(store.completeIdempotencyKey('checkout', key, first, id))
    expect([error.status, error.code]).toEqual([409, 'idempotency_key_taken'])
  })
}
