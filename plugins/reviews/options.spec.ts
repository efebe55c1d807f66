import { reviewsPlugin } from '.'

describe('reviews options', () => {
  it('should count paid, fulfilled and delivered orders as purchases by default', () => {
    expect(reviewsPlugin().options).toEqual({ purchasedStatuses: ['paid', 'fulfilled', 'delivered'], maxTextLength: 4000, enabled: true })
  })

  it('should refuse an empty list of purchase states', () => {
    expect(() => reviewsPlugin({ purchasedStatuses: [] })).toThrow('purchasedStatuses')
  })

  it('should refuse a text length that is not a positive whole number', () => {
    expect(() => reviewsPlugin({ maxTextLength: 0 })).toThrow('maxTextLength')
  })
})
