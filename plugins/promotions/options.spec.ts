import { sanitizePromotionsOptions } from './options'

describe('sanitizePromotionsOptions', () => {
  it('should turn the plugin on in the Shop group when given nothing', () => {
    expect(sanitizePromotionsOptions()).toEqual({ enabled: true, adminGroup: 'Shop' })
  })

  it('should keep enabled false and a chosen group', () => {
    expect(sanitizePromotionsOptions({ enabled: false, adminGroup: ' Marketing ' })).toEqual({ enabled: false, adminGroup: 'Marketing' })
  })

  it('should fall back to the Shop group for a blank one', () => {
    expect(sanitizePromotionsOptions({ adminGroup: '  ' }).adminGroup).toBe('Shop')
  })
})
