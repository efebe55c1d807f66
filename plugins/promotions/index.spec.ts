import type { Config } from 'payload'

import { promotionsPlugin, type PromotionsOptions } from './index'

const base = { collections: [{ slug: 'orders', fields: [] }], onInit: async () => {} } as unknown as Config
// The plugin answers synchronously; Payload's Plugin type also allows a promise.
const apply = (options?: PromotionsOptions) => promotionsPlugin(options)(base) as Config

describe('promotionsPlugin', () => {
  it('should add the discount codes and their redemptions after the existing collections', () => {
    const config = apply()
    expect(config.collections?.map((c) => c.slug)).toEqual(['orders', 'discount-codes', 'discount-redemptions'])
  })

  it('should keep the same collections when disabled, and leave onInit alone', () => {
    const enabled = apply()
    const disabled = apply({ enabled: false })
    expect(disabled.collections?.map((c) => c.slug)).toEqual(enabled.collections?.map((c) => c.slug))
    expect(disabled.onInit).toBe(base.onInit)
  })

  it('should put the codes in the chosen admin group', () => {
    const config = apply({ adminGroup: 'Marketing' })
    expect(config.collections?.find((c) => c.slug === 'discount-codes')?.admin?.group).toBe('Marketing')
  })
})
