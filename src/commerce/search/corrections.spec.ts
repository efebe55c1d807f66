import { MAX_CORRECTIONS, pickCorrections, similarity, trigrams } from './corrections'

describe('trigrams', () => {
  it('should pad a word as pg_trgm does', () => {
    expect(trigrams('cat')).toEqual(['  c', ' ca', 'cat', 'at '])
  })
})

describe('similarity', () => {
  it('should be 1 for the same word and 0 for words without a shared trigram', () => {
    expect([similarity('jumper', 'jumper'), similarity('abc', 'xyz')]).toEqual([1, 0])
  })

  it('should score "jumpr" against "jumper" as pg_trgm does (4 shared of 9)', () => {
    expect(similarity('jumpr', 'jumper')).toBeCloseTo(4 / 9)
  })
})

describe('pickCorrections', () => {
  it('should rank known words by similarity and drop those below the threshold', () => {
    expect(pickCorrections('jumpr', ['lambswool', 'jumper', 'jump', 'pumpkin'])).toEqual(['jump', 'jumper'])
  })

  it('should never suggest the word itself', () => {
    expect(pickCorrections('wool', ['wool', 'wools'])).toEqual(['wools'])
  })

  it(`should suggest at most ${MAX_CORRECTIONS} words`, () => {
    expect(pickCorrections('wool', ['wools', 'woolly', 'woollen', 'wooly', 'woo'])).toHaveLength(MAX_CORRECTIONS)
  })

  it('should order equally similar words alphabetically', () => {
    expect(pickCorrections('abcd', ['abcdy', 'abcdx'])).toEqual(['abcdx', 'abcdy'])
  })
})
