import { describe, expect, it } from '@jest/globals'
import { placeOrder } from './placeOrder'
import { catalogueStore } from '../../../tests/fakes/catalogueStore'
import { checkoutBody, createTestDeps, rejectionOf } from '../../../tests/fakes/testing'

/** Runs a refused checkout and reports the error with what the store kept. */
async function refused(body: Record<string, unknown>, methods?: ('manual' | 'test-card')[]) {
  const store = catalogueStore()
  const deps = createTestDeps(store, { methods })
  const error = await rejectionOf(placeOrder(deps, { body }))
  return { error, store, deps }
}

describe('placeOrder refusals', () => {
  it('should refuse an unknown SKU naming the item index', async () => {
    const { error } = await refused(
      checkoutBody({
        items: [
          { sku: 'MUG-BLUE', quantity: 1 },
          { sku: 'NOPE', quantity: 1 },
        ],
      }),
    )
    expect([error.status, error.code, error.details]).toEqual([400, 'invalid_items', [{ field: 'items.1.sku', message: 'unknown SKU "NOPE"' }]])
  })

  it('should refuse an unpublished SKU', async () => {
    const { error } = await refused(checkoutBody({ items: [{ sku: 'LAMP', quantity: 1 }] }))
    expect(error.details).toEqual([{ field: 'items.0.sku', message: '"LAMP" is not on sale' }])
  })

  it('should refuse the own SKU of a product that has variants', async () => {
    const { error } = await refused(checkoutBody({ items: [{ sku: 'SHIRT', quantity: 1 }] }))
    expect(error.details).toEqual([
      {
        field: 'items.0.sku',
        message: '"SHIRT" is a product with variants: choose one of its variants',
      },
    ])
  })

  it('should refuse more than is in stock with 409 per SKU', async () => {
    const { error } = await refused(checkoutBody({ items: [{ sku: 'TEA', quantity: 4 }] }))
    expect([error.status, error.code, error.details]).toEqual([409, 'insufficient_stock', [{ sku: 'TEA', requested: 4, available: 3 }]])
  })

  it('should judge stock on the merged quantity of repeated SKUs', async () => {
    const { error } = await refused(
      checkoutBody({
        items: [
          { sku: 'TEA', quantity: 2 },
          { sku: 'TEA', quantity: 2 },
        ],
      }),
    )
    expect(error.details).toEqual([{ sku: 'TEA', requested: 4, available: 3 }])
  })

  it('should refuse repeated lines adding up to more than 1000', async () => {
    const { error } = await refused(
      checkoutBody({
        items: [
          { sku: 'TEA', quantity: 600 },
          { sku: 'TEA', quantity: 600 },
        ],
      }),
    )
    expect(error.details).toEqual([{ field: 'items.0.quantity', message: '"TEA" adds up to 1200 across lines; at most 1000' }])
  })

  it('should refuse a country the store does not ship to', async () => {
    const shippingAddress = {
      name: 'Jo',
      line1: '1 Rue',
      city: 'Paris',
      postcode: '75001',
      country: 'FR',
    }
    const { error } = await refused(checkoutBody({ shippingAddress }))
    expect(error.details).toEqual([{ field: 'shippingAddress.country', message: 'we do not ship to FR (we ship to: GB)' }])
  })

  it('should refuse any discount code as unknown', async () => {
    const { error } = await refused(checkoutBody({ discountCode: 'WELCOME10' }))
    expect([error.status, error.code]).toEqual([400, 'unknown_discount_code'])
  })

  it('should refuse a payment method that is not enabled', async () => {
    const { error } = await refused(checkoutBody(), ['manual'])
    expect(error.details).toEqual([{ field: 'paymentMethod', message: 'test-card is not enabled' }])
  })

  it('should refuse a price in the body', async () => {
    const { error } = await refused(checkoutBody({ items: [{ sku: 'TEA', quantity: 1, price: 1 }] }))
    expect([error.status, error.code]).toEqual([400, 'invalid_body'])
  })

  it('should store no order when refused', async () => {
    const { store } = await refused(checkoutBody({ items: [{ sku: 'TEA', quantity: 4 }] }))
    expect(store.allOrders()).toEqual([])
  })

  it('should leave stock and ledger untouched when refused', async () => {
    const { store } = await refused(checkoutBody({ items: [{ sku: 'TEA', quantity: 4 }] }))
    expect([store.available('TEA'), store.ledgerRows('TEA').length]).toEqual([3, 1])
  })

  it('should publish nothing when refused', async () => {
    const { deps } = await refused(checkoutBody({ items: [{ sku: 'NOPE', quantity: 1 }] }))
    expect(deps.published).toEqual([])
  })

  it('should open no transaction for a refusal found by reading', async () => {
    const { store } = await refused(checkoutBody({ items: [{ sku: 'TEA', quantity: 4 }] }))
    expect(store.transactions).toBe(0)
  })
})
