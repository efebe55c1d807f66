import type { Payload } from 'payload'

import type { TestPayload } from '../../tests/helpers/payload'
import { bootShop, customerToken, productWithStock } from '../../tests/helpers/shop'
import { promotionsClient } from './testShop'

// Usage limits, counted in the checkout's transaction: on SQLite, or on PostgreSQL when TEST_DATABASE_URL is set.
let app: TestPayload
let payload: Payload
let shop: ReturnType<typeof promotionsClient>

beforeAll(async () => {
  const booted = await bootShop()
  ;({ app, payload } = booted)
  shop = promotionsClient(booted)
  await productWithStock(payload, booted.api, booted.staff, 'MUG-1', 1200, 1000)
  const codes = [
    { code: 'TEN', type: 'percentage', percentOff: 10, usageLimit: 10 },
    { code: 'ONCE', type: 'fixed', amountOff: 100, usageLimit: 1 },
    { code: 'ONEEACH', type: 'percentage', percentOff: 5, perCustomerLimit: 1 },
  ]
  for (const data of codes) {
    const res = await shop.createCode(data)
    if (res.status !== 201) throw new Error(`code ${data.code}: ${res.status} ${res.text}`)
  }
}, 60000)

afterAll(async () => {
  await app.close()
})

const mug = [{ sku: 'MUG-1', quantity: 1 }]

describe('usage limits', () => {
  it('should let exactly 10 of 50 racing checkouts use a code limited to 10 and refuse the rest with 409, making no order', async () => {
    const before = await shop.orderCount()
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => shop.checkout(mug, { discountCode: 'TEN', email: `racer-${i}@example.com` })))
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([...Array(10).fill(201), ...Array(40).fill(409)])
    expect(answers.filter((a) => a.status === 409).map((a) => a.json.error.code)).toEqual(Array(40).fill('discount_limit_reached'))
    expect(await shop.usedCount('TEN')).toBe(10)
    expect(await shop.ordersWith('TEN')).toBe(10)
    expect(await shop.orderCount()).toBe(before + 10)
    expect(answers.filter((a) => a.status === 201).map((a) => a.json.order.totals.discount)).toEqual(Array(10).fill(120))
  }, 120000)

  it('should say at quote time that a used-up code has reached its limit', async () => {
    const res = await shop.quote(mug, 'TEN')
    expect(res.json.problems).toEqual([expect.objectContaining({ field: 'discountCode', code: 'discount_limit_reached' })])
    expect(res.json.totals.discount).toBe(0)
  })

  it('should refuse the second use of a single-use code with 409 and leave its counter at 1', async () => {
    const first = await shop.checkout(mug, { discountCode: 'ONCE' })
    const second = await shop.checkout(mug, { discountCode: 'once' })
    expect([first.status, second.status]).toEqual([201, 409])
    expect(second.json.error.code).toBe('discount_limit_reached')
    expect(await shop.usedCount('ONCE')).toBe(1)
  })
})

describe('per-customer limits', () => {
  it('should refuse a customer account a second use with 409 and count only the first', async () => {
    const { token } = await customerToken(payload)
    const first = await shop.checkout(mug, { discountCode: 'ONEEACH' }, token)
    const before = await shop.orderCount()
    const second = await shop.checkout(mug, { discountCode: 'ONEEACH', email: 'another-address@example.com' }, token)
    expect([first.status, second.status]).toEqual([201, 409])
    expect(second.json.error.code).toBe('discount_customer_limit_reached')
    expect(await shop.orderCount()).toBe(before)
  })

  it('should refuse a guest email a second use whatever its case', async () => {
    const first = await shop.checkout(mug, { discountCode: 'ONEEACH', email: 'guest-once@example.com' })
    const second = await shop.checkout(mug, { discountCode: 'ONEEACH', email: 'Guest-Once@Example.com' })
    expect([first.status, second.status]).toEqual([201, 409])
    expect(second.json.error.code).toBe('discount_customer_limit_reached')
  })

  it('should let a different guest use the code and count every use', async () => {
    const other = await shop.checkout(mug, { discountCode: 'ONEEACH', email: 'someone-else@example.com' })
    expect(other.status).toBe(201)
    expect(await shop.usedCount('ONEEACH')).toBe(3)
  })

  it('should let 5 racing checkouts by one guest use a once-each code only once', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => shop.checkout(mug, { discountCode: 'ONEEACH', email: 'racing-guest@example.com' })))
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409])
    expect(await shop.usedCount('ONEEACH')).toBe(4)
  }, 60000)
})
