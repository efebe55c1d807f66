import { planQuery, toFtsQuery, toTsQuery, type Vocabulary } from './queryPlan'
import { tokeniseQuery } from './tokens'

const vocabulary = (partial: Partial<Vocabulary> = {}): Vocabulary => ({
  known: new Set(),
  options: new Set(),
  corrections: new Map(),
  ...partial,
})

describe('planQuery', () => {
  it('should match words of three letters or more as prefixes', () => {
    expect(planQuery(['uk', 'wool'], vocabulary({ known: new Set(['uk', 'wool']) })).map((t) => [t.word, t.prefix])).toEqual([
      ['uk', false],
      ['wool', true],
    ])
  })

  it('should try corrections only for words the catalogue does not know', () => {
    const plan = planQuery(
      ['wool', 'jumpr'],
      vocabulary({
        known: new Set(['wool']),
        corrections: new Map([
          ['wool', ['wood']],
          ['jumpr', ['jumper']],
        ]),
      }),
    )
    expect(plan.map((t) => t.corrections)).toEqual([[], ['jumper']])
  })

  it('should mark option words', () => {
    expect(planQuery(['navy'], vocabulary({ known: new Set(['navy']), options: new Set(['navy']) }))[0].optionOnly).toBe(true)
  })
})

describe('toTsQuery', () => {
  it('should AND the words, OR each with its corrections, and keep option words to weights A and B', () => {
    const plan = planQuery(
      ['navy', 'jumpr', 'xl'],
      vocabulary({ known: new Set(['navy', 'xl']), options: new Set(['navy', 'xl']), corrections: new Map([['jumpr', ['jumper', 'jump']]]) }),
    )
    expect(toTsQuery(plan)).toBe('(navy:*AB) & (jumpr:* | jumper | jump) & (xl:AB)')
  })

  it('should leave no search syntax from the query in the text', () => {
    const text = toTsQuery(planQuery(tokeniseQuery(`"wool" * NEAR( -x ' & | ! <-> :*`), vocabulary()))
    expect(text).toBe('(wool:*) & (near:*) & (x)')
  })
})

describe('toFtsQuery', () => {
  it('should quote every word, AND the words and keep option words to the title and codes columns', () => {
    const plan = planQuery(
      ['navy', 'jumpr', 'm'],
      vocabulary({ known: new Set(['navy']), options: new Set(['navy']), corrections: new Map([['jumpr', ['jumper']]]) }),
    )
    expect(toFtsQuery(plan)).toBe('{title codes} : ("navy"*) AND ("jumpr"* OR "jumper") AND ("m")')
  })

  it('should quote FTS5 keywords so they are words, not operators', () => {
    expect(toFtsQuery(planQuery(tokeniseQuery('NOT NEAR(wool OR'), vocabulary()))).toBe('("not"*) AND ("near"*) AND ("wool"*) AND ("or")')
  })
})
