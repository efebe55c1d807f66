import { MAX_QUERY_TOKENS, MAX_TOKEN_LENGTH, tokeniseQuery, vocabularyWords, words } from './tokens'

describe('tokeniseQuery', () => {
  it('should lower-case words and fold accents', () => {
    expect(tokeniseQuery('Café CRÈME Jumper')).toEqual(['cafe', 'creme', 'jumper'])
  })

  it.each([
    ['"wool jumper"', ['wool', 'jumper']],
    ['wool*', ['wool']],
    ['NEAR(wool, jumper)', ['near', 'wool', 'jumper']],
    ['-wool', ['wool']],
    ["o'clock", ['o', 'clock']],
    ["'", []],
    ['{title}: x ^ AND', ['title', 'x', 'and']],
  ])('should keep only letters and digits of %p', (query, expected) => {
    expect(tokeniseQuery(query)).toEqual(expected)
  })

  it('should split a SKU into its parts', () => {
    expect(tokeniseQuery('CLO-001-M-NAVY')).toEqual(['clo', '001', 'm', 'navy'])
  })

  it('should drop repeated words', () => {
    expect(tokeniseQuery('wool Wool WOOL socks')).toEqual(['wool', 'socks'])
  })

  it(`should keep at most ${MAX_QUERY_TOKENS} words`, () => {
    expect(tokeniseQuery('a b c d e f g h i j k')).toHaveLength(MAX_QUERY_TOKENS)
  })

  it(`should cut a word longer than ${MAX_TOKEN_LENGTH} characters`, () => {
    expect(tokeniseQuery('x'.repeat(100))).toEqual(['x'.repeat(MAX_TOKEN_LENGTH)])
  })
})

describe('words', () => {
  it('should split on typographic apostrophes and dashes', () => {
    expect(words('Fisherman’s Rib — UK 4–7')).toEqual(['fisherman', 's', 'rib', 'uk', '4', '7'])
  })
})

describe('vocabularyWords', () => {
  it('should keep distinct words of three letters or more that are not plain numbers', () => {
    expect(vocabularyWords('A wool jumper, 180 cm, in wool and A4')).toEqual(['wool', 'jumper', 'and'])
  })
})
