import type { Payload } from 'payload'

import { PRICE_BANDS } from '../../commerce/search/priceBands'
import { compareLexemes, parseTsQuery, parseTsVector, type TsQuery, type TsTerm } from '../../commerce/search/tsText'
import { hasWeight, matchesTerms, prepareQuery, tsRank, type TermLookup } from '../../commerce/search/tsRank'
import { logger } from '../logger'
import { queryRows, sql } from '../sql'

// PostgreSQL's search rows held in memory as an inverted index (docs/performance.md, "Search in memory"). The
// database finds a common word's matches quickly, but to rank them and count them for the facets it must fetch every
// matching row: at 100,000 products "wool" is 9,000 rows per search. Here the same words point at the same
// positions, so a search reads only its words' postings, and the rank is PostgreSQL's own ts_rank, computed the same
// way (src/commerce/search/tsRank.ts): the answers are the database's answers.
//
// The table stays the one source. Before each search the index asks the database what changed since the snapshot it
// last read: the rows written (`written_by`) and the removals listed by transactions that snapshot had not seen
// finish (src/infra/search/schema.ts). That is one indexed statement, shared by the searches waiting on it, and a
// search never starts from a snapshot older than its own start, so a product saved and committed is found by the
// next search in every process. A truncated or rebuilt table (a new file node), an index idle for longer than the
// removals are kept, or too many replaced entries, make it read the whole table again.

/** A row as the sync statement sends it: product id, tsvector text, price band, in stock (1/0), category ids. */
type WireRow = [number, string, string, number, number[] | null]

interface Snapshot {
  /** One past the latest transaction finished when the snapshot was taken: from it on, none had been seen finish. */
  xmax: string
  /** Transactions in progress then. */
  inProgress: string[]
}

/** One lexeme's entries: the slots holding it, ascending, and where each slot's positions are in the pool. */
interface Postings {
  slots: number[]
  /** `start * 512 + count` into the pool (a lexeme has at most 256 positions). */
  refs: number[]
}

/** What one search needs from the index: its page and the counts the facets are summed from. */
export interface MemoryHits {
  /** The page's product ids, best first. */
  page: number[]
  /** Matches grouped by price band, in stock, in the chosen category. */
  groups: { band: string; inStock: boolean; inCategory: boolean; n: number }[]
  /** Matches per category id, under the band and stock filters. */
  categories: Map<number, number>
}

export interface MemoryQuery {
  /** The text of `to_tsquery('english', …)`, as PostgreSQL prints it. */
  tsquery: string
  filters: { categoryId?: number; priceBand?: string; inStock?: boolean }
  offset: number
  limit: number
}

/** Removals are kept a day (writer.ts): an index idle for half of that reads the whole table instead. */
const IDLE_RELOAD_MS = 12 * 60 * 60 * 1000
/** Replaced entries (old postings left behind) before the index reads the table afresh, at least. */
const RELOAD_AFTER_DEAD = 1000
/** Distinct query terms a search can have here: a bit each in an Int32Array. */
const MAX_TERMS = 31

export class MemorySearchIndex {
  private snapshot: Snapshot | null = null
  private fileNode: string | null = null
  private syncedAt = 0
  private running: Promise<void> | null = null
  private waiting: Promise<void> | null = null

  private lexicon = new Map<string, Postings>()
  /** The lexicon's keys in PostgreSQL's order, for prefixes; null while a full read fills the lexicon. */
  private sorted: string[] | null = []
  private pool = new Uint16Array(1 << 16)
  private poolUsed = 0
  private slotOf = new Map<number, number>()
  private productIds: number[] = []
  /** A 53-bit hash of each slot's tsvector text; NaN for a slot whose product was removed or re-indexed. */
  private documents: number[] = []
  private bands: number[] = []
  private stock: number[] = []
  private categoryIds: (readonly number[])[] = []
  private dead = 0
  private maxCategoryId = 0
  /** Scratch for one search: which of its terms each slot matches, a bit per term. */
  private termBits = new Int32Array(0)

  constructor(private readonly payload: Payload) {}

  /** Products indexed now. */
  get size(): number {
    return this.slotOf.size
  }

  /**
   * Brings the index up to a snapshot taken after this call: a sync under way when it is called may have started
   * before a write this caller has seen commit, so the caller waits for the next one (shared with others waiting).
   */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.syncOnce().finally(() => {
        this.running = null
      })
      return this.running
    }
    if (!this.waiting) {
      this.waiting = this.running
        .catch(() => undefined)
        .then(() => {
          this.waiting = null
          return this.sync()
        })
    }
    return this.waiting
  }

  private async syncOnce(): Promise<void> {
    const started = Date.now()
    const stale = this.snapshot === null || started - this.syncedAt > IDLE_RELOAD_MS || this.dead > Math.max(RELOAD_AFTER_DEAD, this.slotOf.size)
    let changes = await this.read(stale ? null : this.snapshot)
    const full = stale || changes.fileNode !== this.fileNode
    if (!stale && full) changes = await this.read(null)
    // Until the changes are all in, the old snapshot stands (none for a full read): a failure part way through makes
    // the next sync read them again, which applies the same rows and removals again.
    if (full) {
      this.clear()
      this.snapshot = null
    }
    for (const id of changes.removed) this.remove(id)
    for (const row of changes.rows) this.put(row)
    this.sorted ??= [...this.lexicon.keys()].sort(compareLexemes)
    this.snapshot = changes.snapshot
    this.fileNode = changes.fileNode
    this.syncedAt = Date.now()
    if (full) logger().info({ products: this.slotOf.size, lexemes: this.lexicon.size, ms: this.syncedAt - started }, 'Search index read into memory')
  }

  /** The rows and removals written by what `since` had not seen finish; every row when `since` is null. */
  private async read(since: Snapshot | null) {
    const changedBy = (table: string) =>
      since === null
        ? sql.raw('TRUE')
        : sql`(${sql.raw(table)}.written_by >= ${since.xmax}::xid8 OR ${sql.raw(table)}.written_by = ANY(${`{${since.inProgress.join(',')}}`}::xid8[]))`
    const [row] = await queryRows<{ snapshot: string; file_node: string; rows: WireRow[] | null; removed: number[] | null }>(
      this.payload,
      undefined,
      sql`SELECT pg_current_snapshot()::text AS snapshot, pg_relation_filenode('search_products')::text AS file_node,
        (SELECT json_agg(json_build_array(s.product_id, s.document::text, s.price_band, s.in_stock, s.category_ids))
          FROM search_products s WHERE ${changedBy('s')}) AS rows,
        ${since === null ? sql`NULL` : sql`(SELECT json_agg(r.product_id) FROM search_removals r WHERE ${changedBy('r')})`} AS removed`,
    )
    return { snapshot: parseSnapshot(row.snapshot), fileNode: row.file_node, rows: row.rows ?? [], removed: row.removed ?? [] }
  }

  private clear(): void {
    this.lexicon = new Map()
    this.sorted = null
    this.pool = new Uint16Array(1 << 16)
    this.poolUsed = 0
    this.slotOf = new Map()
    this.productIds = []
    this.documents = []
    this.bands = []
    this.stock = []
    this.categoryIds = []
    this.dead = 0
    this.maxCategoryId = 0
  }

  private remove(productId: number): void {
    const slot = this.slotOf.get(productId)
    if (slot === undefined) return
    this.slotOf.delete(productId)
    this.documents[slot] = NaN
    this.dead++
  }

  private put([productId, document, band, inStock, categories]: WireRow): void {
    for (const id of categories ?? []) this.maxCategoryId = Math.max(this.maxCategoryId, id)
    const existing = this.slotOf.get(productId)
    const hash = textHash(document)
    if (existing !== undefined && this.documents[existing] === hash) {
      // Same words (a stock or facet change): the postings stay.
      this.bands[existing] = bandIndex(band)
      this.stock[existing] = inStock
      this.categoryIds[existing] = categories ?? []
      return
    }
    if (existing !== undefined) this.remove(productId)
    const slot = this.productIds.length
    this.slotOf.set(productId, slot)
    this.productIds.push(productId)
    this.documents.push(hash)
    this.bands.push(bandIndex(band))
    this.stock.push(inStock)
    this.categoryIds.push(categories ?? [])
    for (const { lexeme, positions } of parseTsVector(document)) {
      let postings = this.lexicon.get(lexeme)
      if (!postings) {
        postings = { slots: [], refs: [] }
        this.lexicon.set(lexeme, postings)
        if (this.sorted) this.sorted.splice(lowerBound(this.sorted, lexeme), 0, lexeme)
      }
      postings.slots.push(slot)
      postings.refs.push(this.store(positions) * 512 + positions.length)
    }
  }

  private store(positions: readonly number[]): number {
    if (this.poolUsed + positions.length > this.pool.length) {
      const grown = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + positions.length))
      grown.set(this.pool.subarray(0, this.poolUsed))
      this.pool = grown
    }
    const start = this.poolUsed
    this.pool.set(positions, start)
    this.poolUsed += positions.length
    return start
  }

  /** The postings of the lexemes a term names, in PostgreSQL's order: its own, or every lexeme it starts when a prefix. */
  private postingsOf(term: { lexeme: string; prefix: boolean }): Postings[] {
    if (!term.prefix) {
      const own = this.lexicon.get(term.lexeme)
      return own ? [own] : []
    }
    const sorted = this.sorted!
    const found: Postings[] = []
    for (let i = lowerBound(sorted, term.lexeme); i < sorted.length && sorted[i]!.startsWith(term.lexeme); i++) found.push(this.lexicon.get(sorted[i]!)!)
    return found
  }

  /**
   * Matches, ranks and counts as searchProducts' statement does, over the index as of its last sync; null for a query
   * of more distinct terms than a slot's bits hold (31), which the statement answers instead.
   */
  search(query: MemoryQuery): MemoryHits | null {
    const tree = parseTsQuery(query.tsquery)
    const categories = new Map<number, number>()
    if (tree === null) return { page: [], groups: [], categories }
    const terms = distinctTerms(tree)
    if (terms.length > MAX_TERMS) return null
    const slots = this.productIds.length
    if (this.termBits.length < slots) this.termBits = new Int32Array(Math.max(slots, this.termBits.length * 2))
    const bits = this.termBits
    bits.fill(0, 0, slots)
    // Which terms each slot matches (a weight-limited term only where a position has one of its weights), and the
    // slots holding any of them.
    let touched: Int32Array = new Int32Array(64)
    let count = 0
    const readers = terms.map((term, t) => {
      const postings = this.postingsOf(term)
      for (const { slots: held, refs } of postings) {
        for (let i = 0; i < held.length; i++) {
          const start = Math.floor(refs[i]! / 512)
          if (term.weights !== 0 && !hasWeight(term.weights, this.pool, start, start + (refs[i]! % 512))) continue
          const at = held[i]!
          if (bits[at] === 0) {
            if (count === touched.length) touched = grow(touched)
            touched[count++] = at
          }
          bits[at]! |= 1 << t
        }
      }
      return new TermReader(this.pool, postings)
    })
    // Every term node of the query (matchesTerms and tsRank pass the nodes themselves) to its index in `terms`.
    const indexOf = new Map<object, number>(termNodes(tree).map((node) => [node, terms.findIndex((t) => sameTerm(t, node))]))
    // A slot's bit t says it matches terms[t]; the query's operators over those bits are tsRank's own evaluation.
    let matched = 0
    const matches = () => matchesTerms(tree, (term) => (matched & (1 << indexOf.get(term)!)) !== 0)
    let slot = 0
    const lookup: TermLookup = (term) => readers[indexOf.get(term)!]!.at(slot)
    const prepared = prepareQuery(tree)
    const { categoryId, priceBand, inStock } = query.filters
    const wantedBand = priceBand === undefined ? -1 : bandIndex(priceBand)
    const wanted = query.offset + query.limit
    const best: { score: number; id: number }[] = []
    const perCategory = new Int32Array(this.maxCategoryId + 1)
    const groupCounts = new Int32Array(BAND_KEYS.length * 4 + 4)
    // In ascending order, as the readers read: the touched slots, or every slot when a match may hold none of the words.
    const candidates = matchesTerms(tree, () => false) ? Int32Array.from({ length: slots }, (_, i) => i) : touched.subarray(0, count).sort()
    const { documents, bands, stock, categoryIds, productIds } = this
    for (let c = 0; c < candidates.length; c++) {
      const current = candidates[c]!
      matched = bits[current]!
      if (Number.isNaN(documents[current]!) || !matches()) continue
      const band = bands[current]!
      const stocked = stock[current] === 1
      const ids = categoryIds[current]!
      const inCategory = categoryId === undefined || ids.includes(categoryId)
      groupCounts[(band + 1) * 4 + (stocked ? 2 : 0) + (inCategory ? 1 : 0)]!++
      const bandPasses = wantedBand === -1 || band === wantedBand
      const stockPasses = !inStock || stocked
      if (bandPasses && stockPasses) for (let k = 0; k < ids.length; k++) perCategory[ids[k]!]!++
      if (!(inCategory && bandPasses && stockPasses) || wanted === 0) continue
      slot = current
      const score = tsRank(prepared, lookup)
      const id = productIds[current]!
      if (best.length === wanted && !before(score, id, best[best.length - 1]!)) continue
      const candidate = { score, id }
      let at = best.length === wanted ? best.length - 1 : best.length
      while (at > 0 && before(score, id, best[at - 1]!)) {
        best[at] = best[at - 1]!
        at--
      }
      best[at] = candidate
    }
    perCategory.forEach((n, id) => {
      if (n > 0) categories.set(id, n)
    })
    const groups: MemoryHits['groups'] = []
    groupCounts.forEach((n, i) => {
      if (n > 0) groups.push({ band: BAND_KEYS[Math.floor(i / 4) - 1] ?? '', inStock: (i & 2) !== 0, inCategory: (i & 1) !== 0, n })
    })
    return { page: best.slice(query.offset).map((b) => b.id), groups, categories }
  }
}

/**
 * One term's positions slot by slot, read in ascending slot order (the search's loop): a cursor per lexeme, and the
 * arrays it hands to tsRank reused from slot to slot (tsRank reads them only during its call).
 */
class TermReader {
  private readonly cursors: number[]
  /** Per lexeme, an array for each number of positions seen, refilled slot by slot. */
  private readonly scratch: number[][][]
  private readonly found: number[][] = []

  constructor(
    private readonly pool: Uint16Array,
    private readonly postings: Postings[],
  ) {
    this.cursors = postings.map(() => 0)
    this.scratch = postings.map(() => [])
  }

  at(slot: number): number[][] {
    this.found.length = 0
    for (let l = 0; l < this.postings.length; l++) {
      const { slots, refs } = this.postings[l]!
      let c = this.cursors[l]!
      while (c < slots.length && slots[c]! < slot) c++
      this.cursors[l] = c
      if (c === slots.length || slots[c] !== slot) continue
      const ref = refs[c]!
      const start = Math.floor(ref / 512)
      const count = ref % 512
      const positions = (this.scratch[l]![count] ??= new Array<number>(count).fill(0))
      for (let i = 0; i < count; i++) positions[i] = this.pool[start + i]!
      this.found.push(positions)
    }
    return this.found
  }
}

/** The same numbers in an array twice the size. */
function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2)
  grown.set(array)
  return grown
}

/** Price bands by index, for counting in typed arrays (an unknown band counts under -1). */
const BAND_KEYS: string[] = PRICE_BANDS.map((b) => b.key)
const bandIndex = (band: string) => BAND_KEYS.indexOf(band)

/** Ranked higher: a greater score, then the lower product id (the statement's ORDER BY score DESC, product_id). */
const before = (score: number, id: number, than: { score: number; id: number }) => score > than.score || (score === than.score && id < than.id)

/** The first index of `sorted` not before `lexeme` in PostgreSQL's order. */
function lowerBound(sorted: readonly string[], lexeme: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (compareLexemes(sorted[mid]!, lexeme) < 0) low = mid + 1
    else high = mid
  }
  return low
}

/** Every term node of the query, in order. */
function termNodes(tree: TsQuery): TsTerm[] {
  if (tree.kind === 'term') return [tree]
  if (tree.kind === 'not') return termNodes(tree.arg)
  return [...termNodes(tree.left), ...termNodes(tree.right)]
}

/** Whether two term nodes match the same way: the same lexeme, prefix flag and weights. */
const sameTerm = (a: TsTerm, b: TsTerm) => a.lexeme === b.lexeme && a.prefix === b.prefix && a.weights === b.weights

/** The query's terms, one per lexeme, prefix flag and weights, in first-seen order. */
function distinctTerms(tree: TsQuery): TsTerm[] {
  const terms: TsTerm[] = []
  for (const node of termNodes(tree)) if (!terms.some((t) => sameTerm(t, node))) terms.push(node)
  return terms
}

/** Two 32-bit FNV-1a variants folded into 53 bits: equal for equal texts, and in practice different otherwise. */
function textHash(text: string): number {
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff)
}

function parseSnapshot(text: string): Snapshot {
  const [, xmax, inProgress] = text.split(':')
  return { xmax: xmax!, inProgress: inProgress ? inProgress.split(',') : [] }
}

const indexes = new WeakMap<Payload, MemorySearchIndex>()

/** This Payload's index (one per database), synced to a snapshot taken after the call. */
export async function memorySearchIndex(payload: Payload): Promise<MemorySearchIndex> {
  let index = indexes.get(payload)
  if (!index) {
    index = new MemorySearchIndex(payload)
    indexes.set(payload, index)
  }
  await index.sync()
  return index
}
