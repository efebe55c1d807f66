// The text forms of PostgreSQL's tsvector and tsquery, read and written as PostgreSQL 15 does (tsvector.c, tsquery.c),
// so an in-memory search works on exactly what the database prints.

/** A lexeme's positions as PostgreSQL keeps them: each `position * 4 + weight` (weight 3 = A, 2 = B, 1 = C, 0 = D). */
export type Positions = ArrayLike<number>

/** One lexeme of a tsvector with its positions (none for a stripped vector). */
export interface TsEntry {
  lexeme: string
  positions: number[]
}

/** One operand of a tsquery; `weights` is a bitmask of (1 << weight), 0 = any weight (`:AB` is 8 | 4). */
export type TsTerm = { kind: 'term'; lexeme: string; prefix: boolean; weights: number }

/** A tsquery as a tree: operands, `&`, `|` and `!` (phrase operators are not supported). */
export type TsQuery = TsTerm | { kind: 'and' | 'or'; left: TsQuery; right: TsQuery } | { kind: 'not'; arg: TsQuery }

/** Letters by weight number: D is 0 and printed as nothing in a tsvector. */
export const WEIGHT_LETTERS = ['D', 'C', 'B', 'A']
/** Characters that end an unquoted tsquery operand (ISOPERATOR) besides space and `:`. */
const QUERY_DELIMITERS = '!&|()<'

/**
 * Compares two lexemes as PostgreSQL's tsCompareString does: bytewise over UTF-8, the shorter first on a common prefix.
 * UTF-8 bytes sort like code points; UTF-16 units differ only where a surrogate meets U+E000..U+FFFF, fixed up here.
 */
export function compareLexemes(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointRank(x) - codePointRank(y)
  }
  return a.length - b.length
}

function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800
  return unit >= 0xd800 ? unit + 0x2000 : unit
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v'
}

/** Reads a quoted (`'it''s'`, `'a\\b'`) or bare lexeme starting at `start`; returns it and the index after it. */
function readLexeme(text: string, start: number, delimiters: string): { lexeme: string; end: number } {
  let lexeme = ''
  let i = start
  if (text[i] === "'") {
    for (i++; ; i++) {
      if (i >= text.length) throw new Error(`Unterminated quoted string in ${JSON.stringify(text)}`)
      if (text[i] === '\\') i++
      else if (text[i] === "'" && text[i + 1] === "'") i++
      else if (text[i] === "'") return { lexeme, end: i + 1 }
      lexeme += text[i] ?? ''
    }
  }
  for (; i < text.length && !isSpace(text[i]) && text[i] !== ':' && !delimiters.includes(text[i]); i++) {
    if (text[i] === '\\') i++
    lexeme += text[i] ?? ''
  }
  if (i === start) throw new Error(`Expected a lexeme at ${start} in ${JSON.stringify(text)}`)
  return { lexeme, end: i }
}

/** Reads `9C,10C,3` after a lexeme's `:`; returns the packed positions and the index after them. */
function readPositions(text: string, start: number): { positions: number[]; end: number } {
  const positions: number[] = []
  const pattern = /(\d+)([AaBbCcDd]?)(,?)/y
  pattern.lastIndex = start
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    positions.push(Number(match[1]) * 4 + (match[2] ? WEIGHT_LETTERS.indexOf(match[2].toUpperCase()) : 0))
    if (!match[3]) return { positions, end: pattern.lastIndex }
  }
  throw new Error(`Bad position list at ${start} in ${JSON.stringify(text)}`)
}

/** The text form of a tsvector (`'cover':9C,10C 'cushion':2A,8C 'wool':1A,3A`) → its entries in the text's order. */
export function parseTsVector(text: string): TsEntry[] {
  const entries: TsEntry[] = []
  let i = 0
  for (;;) {
    while (i < text.length && isSpace(text[i])) i++
    if (i >= text.length) return entries
    const word = readLexeme(text, i, '')
    i = word.end
    let positions: number[] = []
    if (text[i] === ':') ({ positions, end: i } = readPositions(text, i + 1))
    if (i < text.length && !isSpace(text[i])) throw new Error(`Unexpected ${JSON.stringify(text[i])} at ${i} in ${JSON.stringify(text)}`)
    entries.push({ lexeme: word.lexeme, positions })
  }
}

/** Splits a tsquery's text into operands, operators and parentheses. */
function tokeniseTsQuery(text: string): (TsTerm | '!' | '&' | '|' | '(' | ')')[] {
  const tokens: (TsTerm | '!' | '&' | '|' | '(' | ')')[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (isSpace(ch)) i++
    else if (ch === '<') throw new Error(`Phrase operators are not supported: ${JSON.stringify(text)}`)
    else if ('!&|()'.includes(ch)) {
      tokens.push(ch as '!' | '&' | '|' | '(' | ')')
      i++
    } else {
      const word = readLexeme(text, i, QUERY_DELIMITERS)
      const modifiers = /:([AaBbCcDd*]*)/y
      modifiers.lastIndex = word.end
      const flags = modifiers.exec(text)?.[1]
      i = flags === undefined ? word.end : modifiers.lastIndex
      const letters = (flags ?? '').toUpperCase()
      const weights = [...letters].reduce((mask, letter) => (letter === '*' ? mask : mask | (1 << WEIGHT_LETTERS.indexOf(letter))), 0)
      tokens.push({ kind: 'term', lexeme: word.lexeme, prefix: letters.includes('*'), weights })
    }
  }
  return tokens
}

/** The text form of a tsquery (`( 'wool' | 'wol' ) & 'cushion':*AB`) → its tree; null for the empty query (''). Throws on phrase operators (<->, <N>), which we never generate. */
export function parseTsQuery(text: string): TsQuery | null {
  const tokens = tokeniseTsQuery(text)
  if (tokens.length === 0) return null
  let at = 0
  const fail = (): never => {
    throw new Error(`Syntax error in tsquery: ${JSON.stringify(text)}`)
  }
  // Same shape as PostgreSQL's operator stack: & and | group to the left, & before |, ! applies to what follows.
  const binary = (kind: 'and' | 'or', operand: () => TsQuery): TsQuery => {
    let left = operand()
    while (tokens[at] === (kind === 'and' ? '&' : '|')) {
      at++
      left = { kind, left, right: operand() }
    }
    return left
  }
  const unary = (): TsQuery => {
    const next = tokens[at++] ?? fail()
    if (next === '!') return { kind: 'not', arg: unary() }
    if (next === '(') {
      const inner = binary('or', () => binary('and', unary))
      return tokens[at++] === ')' ? inner : fail()
    }
    return typeof next === 'object' ? next : fail()
  }
  const query = binary('or', () => binary('and', unary))
  return at === tokens.length ? query : fail()
}
