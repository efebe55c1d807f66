import type { Config } from 'payload'

import { promotionsPlugin } from './index'

const base = { collections: [{ slug: 'orders', fields: [] }], onInit: async () => {} } as unknown as Config

describe('promotionsPlugin', () => {
  it('should add the discount codes and their redemptions after the existing collections', () => {
    const config = promotionsPlugin()(base)
    expect(config.collections?.map((c) => c.slug)).toEqual(['orders', 'discount-codes', 'discount-redemptions'])
  })

  it('should keep the same collections when disabled, and leave onInit alone', () => {
    const enabled = promotionsPlugin()(base)
    const disabled = promotionsPlugin({ enabled: false })(base)
    expect(disabled.collections?.map((c) => c.slug)).toEqual(enabled.collections?.map((c) => c.slug))
    expect(disabled.onInit).toBe(base.onInit)
  })

  it('should put the codes in the chosen admin group', () => {
    const config = promotionsPlugin({ adminGroup: 'Marketing' })(base)
    expect(config.collections?.find((c) => c.slug === 'discount-codes')?.admin?.group).toBe('Marketing')
  })
})
