import { stars, validateReview } from './reviews'

const form = (values: Record<string, string>) => (field: string) => values[field] ?? null

describe('validateReview', () => {
  it('should accept a whole-star rating with a title and a text', () => {
    expect(validateReview(form({ rating: '4', title: ' Good ', text: 'Holds tea.' }))).toEqual({
      input: { rating: 4, title: 'Good', text: 'Holds tea.' },
      errors: {},
    })
  })

  it('should name a rating of 6, a missing title and a missing text', () => {
    expect(Object.keys(validateReview(form({ rating: '6', title: '', text: ' ' })).errors)).toEqual(['rating', 'title', 'text'])
  })
})

describe('stars', () => {
  it('should show a rounded rating as filled and empty stars', () => {
    expect(stars(3.6)).toBe('★★★★☆')
  })
})
