// `document @@ query` and `ts_rank(document, query)` as PostgreSQL 15 computes them (tsvector_op.c, tsrank.c), float32
// rounding included, so a search answered from memory matches and orders exactly like one answered by the database.
import { compareLexemes, type Positions, type TsQuery, type TsTerm } from './tsText'

/** What a document holds for one query term: the positions of each of its lexemes the term names (the lexeme itself, or every lexeme that starts with it when the term is a prefix), in PostgreSQL's lexeme order (bytewise, shorter first on a common prefix). Empty array when none. */
export type TermLookup = (term: { lexeme: string; prefix: boolean }) => Positions[]

/** A query made ready for ranking many documents: its operands sorted and de-duplicated once instead of per document. */
export interface PreparedQuery {
  kind: 'prepared'
  root: TsQuery | null
  /** SortAndUniqItems: every operand (those under ! too) sorted by lexeme, the first of each run of equal lexemes kept. */
  operands: readonly TsTerm[]
  /** calc_rank uses calc_rank_and when the top node is & and there are at least two distinct lexemes. */
  ranksAsAnd: boolean
}

/** Default ts_rank weights by weight number (D, C, B, A), as the C `float` array holds them. */
const WEIGHTS = [Math.fround(0.1), Math.fround(0.2), Math.fround(0.4), 1]
/** MAXENTRYPOS: positions are capped one below it, and a zero distance with a position-less lexeme counts as it. */
const MAXENTRYPOS = 1 << 14
/** calc_rank_and's stand-in for a lexeme without positions: position MAXENTRYPOS - 1, weight D. */
const NO_POSITIONS_AND: Positions = [(MAXENTRYPOS - 1) * 4]
/** calc_rank_or's stand-in for a lexeme without positions: position 0, weight D. */
const NO_POSITIONS_OR: Positions = [0]
/** word_distance(): a float4 by distance in positions; anything over 100 apart weighs 1e-30. */
const WORD_DISTANCE = Array.from({ length: 101 }, (_, w) => Math.fround(1 / (1.005 + 0.05 * Math.exp(w / 1.5 - 2))))
const FAR_APART = Math.fround(1e-30)

function wordDistance(distance: number): number {
  return distance > 100 ? FAR_APART : WORD_DISTANCE[distance]
}

/** Operands in the order PostgreSQL stores them: an operator, then its right side, then its left. */
function storedOperands(query: TsQuery, into: TsTerm[]): TsTerm[] {
  if (query.kind === 'term') into.push(query)
  else if (query.kind === 'not') storedOperands(query.arg, into)
  else storedOperands(query.left, storedOperands(query.right, into))
  return into
}

/** Sorts and de-duplicates a query's operands once (SortAndUniqItems); pass the result to tsRank and tsMatches for every document of a search. */
export function prepareQuery(query: TsQuery | null): PreparedQuery {
  const operands = query ? storedOperands(query, []) : []
  const byLexeme = (a: TsTerm, b: TsTerm) => compareLexemes(a.lexeme, b.lexeme)
  pgQsort(operands, byLexeme, 0, operands.length)
  const unique = operands.filter((term, i) => i === 0 || byLexeme(operands[i - 1], term) !== 0)
  return { kind: 'prepared', root: query, operands: unique, ranksAsAnd: query?.kind === 'and' && unique.length >= 2 }
}

function prepared(query: TsQuery | PreparedQuery | null): PreparedQuery {
  return query?.kind === 'prepared' ? query : prepareQuery(query)
}

/**
 * Whether positions `start` to `end` include one of the weights in a term's mask (`:AB` is 8 | 4); a lexeme without
 * positions passes any weight, as in PostgreSQL.
 */
export function hasWeight(weights: number, positions: Positions, start = 0, end = positions.length): boolean {
  if (end === start) return true
  for (let i = start; i < end; i++) if ((weights >> (positions[i] & 3)) & 1) return true
  return false
}

/** checkcondition_str: some lexeme the term names is present, with a position of a wanted weight when it asks for some. */
function termMatches(term: TsTerm, lookup: TermLookup): boolean {
  const found = lookup(term)
  if (term.weights === 0) return found.length > 0
  return found.some((positions) => hasWeight(term.weights, positions))
}

/** TS_execute: the query's &, | and ! over whether the document matches each of its terms. */
export function matchesTerms(query: TsQuery, termMatches: (term: TsTerm) => boolean): boolean {
  switch (query.kind) {
    case 'term':
      return termMatches(query)
    case 'not':
      return !matchesTerms(query.arg, termMatches)
    case 'and':
      return matchesTerms(query.left, termMatches) && matchesTerms(query.right, termMatches)
    case 'or':
      return matchesTerms(query.left, termMatches) || matchesTerms(query.right, termMatches)
  }
}

/** `document @@ query`: respects weights masks (`:AB` matches only if some position of a matching lexeme has weight A or B), prefixes, &, |, !. The empty query matches nothing. */
export function tsMatches(query: TsQuery | PreparedQuery | null, lookup: TermLookup): boolean {
  const root = query?.kind === 'prepared' ? query.root : query
  return root ? matchesTerms(root, (term) => termMatches(term, lookup)) : false
}

/**
 * `ts_rank(document, query)` with the default weights {D 0.1, C 0.2, B 0.4, A 1.0} and normalization 0, computed as
 * PostgreSQL computes it, in float32. The query's weight masks play no part, as in PostgreSQL. Pass a PreparedQuery
 * when ranking many documents. `isEmptyDocument` reproduces PostgreSQL's 0 for a tsvector without lexemes, which a
 * lookup cannot tell apart from one that lacks the query's lexemes (an & query ranks those 1e-20).
 */
export function tsRank(query: TsQuery | PreparedQuery | null, lookup: TermLookup, isEmptyDocument = false): number {
  const ready = prepared(query)
  if (!ready.root || isEmptyDocument) return 0
  const rank = ready.ranksAsAnd ? rankAnd(ready.operands, lookup) : rankOr(ready.operands, lookup)
  return rank < 0 ? Math.fround(1e-20) : rank
}

/** calc_rank_or: per lexeme, its weights summed with 1/j² falloff around the heaviest one; the total over the distinct operands. */
function rankOr(operands: readonly TsTerm[], lookup: TermLookup): number {
  const f = Math.fround
  let rank = 0
  for (const operand of operands) {
    for (const found of lookup(operand)) {
      const positions = found.length ? found : NO_POSITIONS_OR
      let sum = 0
      let heaviest = -1
      let heaviestAt = 0
      for (let j = 0; j < positions.length; j++) {
        const weight = WEIGHTS[positions[j] & 3]
        sum = f(sum + f(weight / ((j + 1) * (j + 1))))
        if (weight > heaviest) {
          heaviest = weight
          heaviestAt = j
        }
      }
      const adjusted = f(f(heaviest + sum) - f(heaviest / ((heaviestAt + 1) * (heaviestAt + 1))))
      rank = f(rank + adjusted / 1.64493406685)
    }
  }
  return operands.length > 0 ? f(rank / operands.length) : rank
}

/**
 * calc_rank_and: every pair of positions of two different operands adds sqrt(w1 * w2 * word_distance). An operand that
 * is a prefix of several lexemes pairs each of them with the earlier operands, but later operands see only its last one.
 */
function rankAnd(operands: readonly TsTerm[], lookup: TermLookup): number {
  const f = Math.fround
  const seen: (Positions | undefined)[] = new Array(operands.length)
  let rank = -1
  for (let i = 0; i < operands.length; i++) {
    for (const found of lookup(operands[i])) {
      const current = found.length ? found : NO_POSITIONS_AND
      seen[i] = current
      for (let k = 0; k < i; k++) {
        const earlier = seen[k]
        if (!earlier) continue
        const withoutPositions = current === NO_POSITIONS_AND || earlier === NO_POSITIONS_AND
        for (let l = 0; l < current.length; l++) {
          for (let p = 0; p < earlier.length; p++) {
            const a = current[l]
            const b = earlier[p]
            let distance = Math.abs((a >> 2) - (b >> 2))
            if (distance === 0 && !withoutPositions) continue
            if (distance === 0) distance = MAXENTRYPOS
            const pair = f(Math.sqrt(f(f(WEIGHTS[a & 3] * WEIGHTS[b & 3]) * wordDistance(distance))))
            rank = rank < 0 ? pair : f(1 - (1 - rank) * (1 - pair))
          }
        }
      }
    }
  }
  return rank
}

/**
 * PostgreSQL's qsort (sort_template.h, Bentley–McIlroy with a presorted check), ported because it is not stable: which
 * of two operands with the same lexeme comes first decides whether ts_rank keeps the prefix one.
 */
function pgQsort<T>(a: T[], compare: (x: T, y: T) => number, start: number, count: number): void {
  const swap = (i: number, j: number) => ([a[i], a[j]] = [a[j], a[i]])
  const swapRun = (i: number, j: number, n: number) => {
    for (let x = 0; x < n; x++) swap(i + x, j + x)
  }
  const med3 = (i: number, j: number, k: number) =>
    compare(a[i], a[j]) < 0 ? (compare(a[j], a[k]) < 0 ? j : compare(a[i], a[k]) < 0 ? k : i) : compare(a[j], a[k]) > 0 ? j : compare(a[i], a[k]) < 0 ? i : k
  let lo = start
  let n = count
  for (;;) {
    if (n < 7) {
      for (let m = lo + 1; m < lo + n; m++) for (let l = m; l > lo && compare(a[l - 1], a[l]) > 0; l--) swap(l, l - 1)
      return
    }
    let presorted = true
    for (let m = lo + 1; m < lo + n && presorted; m++) presorted = compare(a[m - 1], a[m]) <= 0
    if (presorted) return
    let pm = lo + Math.floor(n / 2)
    if (n > 7) {
      let pl = lo
      let pn = lo + n - 1
      if (n > 40) {
        const d = Math.floor(n / 8)
        pl = med3(pl, pl + d, pl + 2 * d)
        pm = med3(pm - d, pm, pm + d)
        pn = med3(pn - 2 * d, pn - d, pn)
      }
      pm = med3(pl, pm, pn)
    }
    swap(lo, pm)
    let pa = lo + 1
    let pb = pa
    let pc = lo + n - 1
    let pd = pc
    for (;;) {
      for (let r: number; pb <= pc && (r = compare(a[pb], a[lo])) <= 0; pb++) if (r === 0) swap(pa++, pb)
      for (let r: number; pb <= pc && (r = compare(a[pc], a[lo])) >= 0; pc--) if (r === 0) swap(pc, pd--)
      if (pb > pc) break
      swap(pb++, pc--)
    }
    const end = lo + n
    let d1 = Math.min(pa - lo, pb - pa)
    swapRun(lo, pb - d1, d1)
    d1 = Math.min(pd - pc, end - pd - 1)
    swapRun(pb, end - d1, d1)
    d1 = pb - pa
    const d2 = pd - pc
    // Recurse on the smaller side, loop on the larger, as PostgreSQL does (the order of work changes nothing else).
    if (d1 <= d2) {
      if (d1 > 1) pgQsort(a, compare, lo, d1)
      if (d2 <= 1) return
      lo = end - d2
      n = d2
    } else {
      if (d2 > 1) pgQsort(a, compare, end - d2, d2)
      if (d1 <= 1) return
      n = d1
    }
  }
}
