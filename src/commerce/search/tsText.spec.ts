import { compareLexemes, parseTsQuery, parseTsVector, WEIGHT_LETTERS, type TsEntry, type TsQuery } from './tsText'

// PostgreSQL's output functions (tsvector.c, tsquery.c), so a parse can be checked by printing it back: the search
// itself never prints either form.

/** A tsquery operator's priority (tsearch_op_priority): ! binds tightest, then &, then |. */
const PRIORITY = { not: 4, and: 2, or: 1 } as const

function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/['\\]/g, (ch) => ch + ch)}'`
}

/** A tsvector's text form as PostgreSQL prints it; D-weight positions carry no letter. */
function formatTsVector(entries: readonly TsEntry[]): string {
  const positions = (list: number[]) => (list.length ? ':' + list.map((p) => `${p >> 2}${p & 3 ? WEIGHT_LETTERS[p & 3] : ''}`).join(',') : '')
  return entries.map((entry) => quoteLexeme(entry.lexeme) + positions(entry.positions)).join(' ')
}

/** A tsquery's text form as PostgreSQL prints it: parentheses only where priority needs them, '' for the empty query. */
function formatTsQuery(query: TsQuery | null): string {
  return query ? infix(query, -1) : ''
}

/** tsquery.c's infix(): a node printed inside a parent of the given priority. */
function infix(query: TsQuery, parentPriority: number): string {
  if (query.kind === 'term') {
    const letters = [3, 2, 1, 0].filter((w) => query.weights & (1 << w)).map((w) => WEIGHT_LETTERS[w])
    const modifiers = (query.prefix ? '*' : '') + letters.join('')
    return quoteLexeme(query.lexeme) + (modifiers ? ':' + modifiers : '')
  }
  if (query.kind === 'not') return '!' + infix(query.arg, PRIORITY.not)
  const priority = PRIORITY[query.kind]
  const text = `${infix(query.left, priority)} ${query.kind === 'and' ? '&' : '|'} ${infix(query.right, priority)}`
  return priority < parentPriority ? `( ${text} )` : text
}

const term = (lexeme: string, prefix = false, weights = 0): TsQuery => ({ kind: 'term', lexeme, prefix, weights })

describe('parseTsVector', () => {
  it('should read lexemes and positions as position * 4 + weight', () => {
    expect(parseTsVector("'cover':9C,10C 'cushion':2A,8C 'wool':1A,3B")).toEqual([
      { lexeme: 'cover', positions: [9 * 4 + 1, 10 * 4 + 1] },
      { lexeme: 'cushion', positions: [2 * 4 + 3, 8 * 4 + 1] },
      { lexeme: 'wool', positions: [1 * 4 + 3, 3 * 4 + 2] },
    ])
  })

  it('should read a position without a letter as weight D', () => {
    expect(parseTsVector("'x y':3,4C,5")).toEqual([{ lexeme: 'x y', positions: [12, 17, 20] }])
  })

  it("should unescape '' and \\ inside quotes", () => {
    expect(parseTsVector("'it''s':1A 'a\\\\b':2B").map((entry) => entry.lexeme)).toEqual(["it's", 'a\\b'])
  })

  it('should read a stripped lexeme with no positions', () => {
    expect(parseTsVector("'a' 'b':2")).toEqual([
      { lexeme: 'a', positions: [] },
      { lexeme: 'b', positions: [8] },
    ])
  })

  it('should read unquoted lexemes and lower-case weights', () => {
    expect(parseTsVector('wool:1a,2 cushion')).toEqual([
      { lexeme: 'wool', positions: [7, 8] },
      { lexeme: 'cushion', positions: [] },
    ])
  })

  it('should keep the order of the text', () => {
    expect(parseTsVector("'b':1 'a':2").map((entry) => entry.lexeme)).toEqual(['b', 'a'])
  })

  it('should read the empty tsvector as no entries', () => {
    expect(parseTsVector('')).toEqual([])
  })

  it.each(["'wool", "'wool':x", "'wool'x"])('should refuse the malformed tsvector %p', (text) => {
    expect(() => parseTsVector(text)).toThrow()
  })
})

describe('parseTsQuery', () => {
  it('should read a prefix and weight mask from :*AB', () => {
    expect(parseTsQuery("'cushion':*AB")).toEqual(term('cushion', true, 0b1100))
  })

  it('should read each weight letter as 1 << weight', () => {
    expect([parseTsQuery("'a':A"), parseTsQuery("'a':D"), parseTsQuery("'a':bc")]).toEqual([term('a', false, 8), term('a', false, 1), term('a', false, 6)])
  })

  it("should unescape '' and \\ inside quotes", () => {
    expect(parseTsQuery("'it''s' | 'a\\\\b'")).toEqual({ kind: 'or', left: term("it's"), right: term('a\\b') })
  })

  it('should bind & tighter than |', () => {
    expect(parseTsQuery("'a' | 'b' & 'c'")).toEqual({ kind: 'or', left: term('a'), right: { kind: 'and', left: term('b'), right: term('c') } })
  })

  it('should group & to the left', () => {
    expect(parseTsQuery("'a' & 'b' & 'c'")).toEqual({ kind: 'and', left: { kind: 'and', left: term('a'), right: term('b') }, right: term('c') })
  })

  it('should read nested parentheses', () => {
    expect(parseTsQuery("( 'a' | ( 'b' | 'c' ) & 'd' ) & 'e'")).toEqual({
      kind: 'and',
      left: { kind: 'or', left: term('a'), right: { kind: 'and', left: { kind: 'or', left: term('b'), right: term('c') }, right: term('d') } },
      right: term('e'),
    })
  })

  it('should apply ! to the operand that follows only', () => {
    expect(parseTsQuery("!'a' & !( 'b' | 'c' )")).toEqual({
      kind: 'and',
      left: { kind: 'not', arg: term('a') },
      right: { kind: 'not', arg: { kind: 'or', left: term('b'), right: term('c') } },
    })
  })

  it('should read !! as two negations', () => {
    expect(parseTsQuery("!!'a'")).toEqual({ kind: 'not', arg: { kind: 'not', arg: term('a') } })
  })

  it('should read unquoted operands', () => {
    expect(parseTsQuery('wool:* & !cushion')).toEqual({ kind: 'and', left: term('wool', true), right: { kind: 'not', arg: term('cushion') } })
  })

  it('should read the empty query as null', () => {
    expect([parseTsQuery(''), parseTsQuery('  ')]).toEqual([null, null])
  })

  it.each(["'a' <-> 'b'", "'a' <2> 'b'"])('should refuse the phrase operator in %p', (text) => {
    expect(() => parseTsQuery(text)).toThrow(/Phrase operators/)
  })

  it.each(["( 'a' & 'b'", "'a' & 'b' )", "'a' &", "'a' 'b'", '!', "'a", ':*'])('should refuse the malformed tsquery %p', (text) => {
    expect(() => parseTsQuery(text)).toThrow()
  })
})

describe('formatTsVector', () => {
  it('should print what PostgreSQL prints, D without a letter', () => {
    const text = "'a\\\\b':2B 'it''s':1A 'plain' 'x y':3,4C,5"
    expect(formatTsVector(parseTsVector(text))).toBe(text)
  })
})

describe('formatTsQuery', () => {
  // Each text is PostgreSQL 15's own output for it.
  it.each([
    "'a' | 'b' & 'c'",
    "( 'a' | 'b' ) & 'c'",
    "!( 'a' | 'b' )",
    "!!'a'",
    "!'a' & 'b'",
    "'a':*AB & 'b':B & 'c':*",
    "'it''s' & 'a\\\\b' & 'x y'",
    "( 'wool' | 'merino' ) & ( 'cushion' | 'pillow' ) & 'cover':*",
  ])('should print %p back as PostgreSQL does', (text) => {
    expect(formatTsQuery(parseTsQuery(text))).toBe(text)
  })

  it('should print the empty query as the empty string', () => {
    expect(formatTsQuery(null)).toBe('')
  })
})

describe('compareLexemes', () => {
  it('should put the shorter of two lexemes with a common prefix first', () => {
    expect(['blueberri', 'blue', 'bluebel'].sort(compareLexemes)).toEqual(['blue', 'bluebel', 'blueberri'])
  })

  it('should order by UTF-8 bytes, so accented letters after z', () => {
    expect(['über', 'zebra', 'éclair'].sort(compareLexemes)).toEqual(['zebra', 'éclair', 'über'])
  })

  it('should order a character beyond U+FFFF after U+FF21, as its UTF-8 bytes do', () => {
    expect(compareLexemes('\u{1F600}', '\uFF21')).toBeGreaterThan(0)
  })
})
