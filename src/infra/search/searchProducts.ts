import type { Payload } from 'payload'

import { PRICE_BANDS, type PriceBandKey } from '../../commerce/search/priceBands'
import { planQuery, toFtsQuery, toTsQuery, type PlannedTerm } from '../../commerce/search/queryPlan'
import { parseSku } from '../../commerce/sku'
import { SizedLru } from '../lru'
import { dialect, queryRows, sql } from '../sql'
import { memorySearchIndex } from './memoryIndex'
import { lookUpVocabulary } from './vocabulary'

type SQL = ReturnType<typeof sql>

export interface SearchFilters {
  categoryId?: number
  priceBand?: PriceBandKey
  inStock?: boolean
}

export interface SearchFacets {
  categories: { id: number; slug: string; title: string; count: number }[]
  priceBands: { key: PriceBandKey; label: string; count: number }[]
  inStock: { count: number }
}

export interface SearchHits {
  /** Product ids of the requested page, best match first. */
  ids: number[]
  total: number
  facets: SearchFacets
  /** How the query was read: the SKU it named, or each word with the corrections tried for it. */
  matchedSku: string | null
  terms: PlannedTerm[]
}

type Facet = 'category' | 'priceBand' | 'inStock'

/** Whether the search row `s` is in the chosen category (1 or 0); 1 when no category is chosen. */
function inCategory(postgres: boolean, categoryId: number | undefined): SQL {
  if (categoryId === undefined) return sql`1`
  // PostgreSQL keeps the row's categories on it (src/infra/search/schema.ts); SQLite looks them up.
  return postgres
    ? sql`CASE WHEN ${categoryId} = ANY(s.category_ids) THEN 1 ELSE 0 END`
    : sql`CASE WHEN EXISTS (SELECT 1 FROM search_product_categories c WHERE c.product_id = s.product_id AND c.category_id = ${categoryId}) THEN 1 ELSE 0 END`
}

/**
 * The matches as a CTE `m (product_id, score, price_band, in_stock, in_category[, category_ids])`, by exact SKU or
 * by full-text match, read once: the page, the totals and the category counts below all come from it.
 */
function matchesCte(postgres: boolean, sku: string | null, terms: PlannedTerm[], categoryId: number | undefined): SQL {
  const columns = sql`s.price_band, s.in_stock, ${inCategory(postgres, categoryId)} AS in_category${postgres ? sql`, s.category_ids` : sql``}`
  if (sku !== null) {
    return sql`m AS MATERIALIZED (SELECT s.product_id, 1.0 AS score, ${columns} FROM search_products s
      WHERE s.product_id IN (SELECT product_id FROM search_skus WHERE sku = ${sku}))`
  }
  if (postgres) {
    // ts_rank weighs A (title) 1.0, B (SKUs, options) 0.4, C (description, categories) 0.2.
    return sql`m AS MATERIALIZED (SELECT s.product_id, ts_rank(s.document, q.query) AS score, ${columns}
      FROM search_products s, to_tsquery('english', ${toTsQuery(terms)}) AS q(query) WHERE s.document @@ q.query)`
  }
  // bm25 is lower for better matches; the weights give title, codes and body the roles of A, B and C.
  return sql`m AS MATERIALIZED (SELECT s.product_id, -bm25(search_fts, 10.0, 4.0, 1.0) AS score, ${columns}
    FROM search_fts JOIN search_products s ON s.product_id = search_fts.rowid WHERE search_fts MATCH ${toFtsQuery(terms)})`
}

/** The matches that pass every chosen filter but `except`'s. */
function where(filters: SearchFilters, except?: Facet): SQL {
  const conditions: SQL[] = [sql`1 = 1`]
  if (filters.categoryId !== undefined && except !== 'category') conditions.push(sql`m.in_category = 1`)
  if (filters.priceBand !== undefined && except !== 'priceBand') conditions.push(sql`m.price_band = ${filters.priceBand}`)
  if (filters.inStock && except !== 'inStock') conditions.push(sql`m.in_stock = 1`)
  return sql.join(conditions, sql` AND `)
}

/** The category of each match under the other filters, one row per (match, category). */
function matchCategories(postgres: boolean, filters: SearchFilters): SQL {
  return postgres
    ? sql`SELECT unnest(m.category_ids) AS category_id FROM m WHERE ${where(filters, 'category')}`
    : sql`SELECT c.category_id FROM m JOIN search_product_categories c ON c.product_id = m.product_id WHERE ${where(filters, 'category')}`
}

type Row = {
  part: unknown
  id: unknown
  band: string | null
  in_stock: unknown
  in_category: unknown
  slug: string | null
  title: string | null
  n: unknown
}

/**
 * One page of published products matching the query, with facet counts. Each facet counts the matches under the
 * other facets' filters (not its own), so a count is what choosing that value instead would list.
 */
export async function searchProducts(
  payload: Payload,
  query: { q: string; tokens: string[]; filters: SearchFilters; page: number; limit: number },
  /** `database` answers a PostgreSQL full-text search by its statement instead of the in-memory index (tests compare the two). */
  options: { from?: 'database' } = {},
): Promise<SearchHits> {
  const postgres = dialect(payload) === 'postgres'
  const empty: SearchHits = {
    ids: [],
    total: 0,
    facets: { categories: [], priceBands: PRICE_BANDS.map((b) => ({ key: b.key, label: b.label, count: 0 })), inStock: { count: 0 } },
    matchedSku: null,
    terms: [],
  }
  const candidateSku = parseSku(query.q)
  const skuRows = candidateSku ? await queryRows<{ sku: string }>(payload, undefined, sql`SELECT sku FROM search_skus WHERE sku = ${candidateSku}`) : []
  const matchedSku = skuRows.length > 0 ? candidateSku : null
  const terms = matchedSku ? [] : planQuery(query.tokens, await lookUpVocabulary(payload, query.tokens))
  if (!matchedSku && terms.length === 0) return empty
  const { filters } = query
  const offset = (query.page - 1) * query.limit
  const inMemory = postgres && matchedSku === null && options.from !== 'database'
  const rows =
    (inMemory ? await searchInMemory(payload, terms, filters, offset, query.limit) : null) ??
    (await searchInDatabase(payload, postgres, matchedSku, terms, filters, offset, query.limit))
  const part = (n: number) => rows.filter((r) => Number(r.part) === n)
  const page = part(0).sort((a, b) => Number(a.n) - Number(b.n))
  const groups = part(1).map((g) => ({ band: g.band, inStock: Number(g.in_stock) === 1, inCategory: Number(g.in_category) === 1, n: Number(g.n) }))
  const categories = part(2)
    .map((c) => ({ id: Number(c.id), slug: c.slug!, title: c.title!, count: Number(c.n) }))
    .sort((a, b) => b.count - a.count || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
  const passes = (row: (typeof groups)[number], except?: Facet) =>
    (except === 'category' || row.inCategory) &&
    (except === 'priceBand' || filters.priceBand === undefined || row.band === filters.priceBand) &&
    (except === 'inStock' || !filters.inStock || row.inStock)
  const sum = (selected: typeof groups) => selected.reduce((total, row) => total + row.n, 0)
  return {
    ids: page.map((r) => Number(r.id)),
    total: sum(groups.filter((row) => passes(row))),
    facets: {
      categories,
      priceBands: PRICE_BANDS.map((b) => ({ key: b.key, label: b.label, count: sum(groups.filter((row) => row.band === b.key && passes(row, 'priceBand'))) })),
      inStock: { count: sum(groups.filter((row) => row.inStock && passes(row, 'inStock'))) },
    },
    matchedSku,
    terms,
  }
}

/**
 * The page, the groups and the category counts in one statement, the matches read once (part 0: the page in order;
 * 1: the matches grouped by band, stock and whether they are in the chosen category, summed by searchProducts under
 * each facet's "other filters"; 2: the category facet). SQLite's searches, and a SKU's on both databases.
 */
async function searchInDatabase(
  payload: Payload,
  postgres: boolean,
  matchedSku: string | null,
  terms: PlannedTerm[],
  filters: SearchFilters,
  offset: number,
  limit: number,
): Promise<Row[]> {
  const nothing = sql`CAST(NULL AS text)`
  return queryRows<Row>(
    payload,
    undefined,
    sql`WITH ${matchesCte(postgres, matchedSku, terms, filters.categoryId)},
      page AS (SELECT m.product_id, row_number() OVER (ORDER BY m.score DESC, m.product_id) AS ord FROM m WHERE ${where(filters)}
        ORDER BY m.score DESC, m.product_id LIMIT ${limit} OFFSET ${offset}),
      counts AS (SELECT mc.category_id, count(*) AS n FROM (${matchCategories(postgres, filters)}) mc GROUP BY mc.category_id)
      SELECT 0 AS part, page.product_id AS id, ${nothing} AS band, 0 AS in_stock, 0 AS in_category, ${nothing} AS slug, ${nothing} AS title, page.ord AS n FROM page
      UNION ALL
      SELECT 1, 0, m.price_band, m.in_stock, m.in_category, ${nothing}, ${nothing}, count(*) FROM m GROUP BY m.price_band, m.in_stock, m.in_category
      UNION ALL
      SELECT 2, cat.id, ${nothing}, 0, 0, cat.slug, cat.title, counts.n FROM counts JOIN categories cat ON cat.id = counts.category_id`,
  )
}

/** `to_tsquery('english', …)` as PostgreSQL prints it, per query text (the dictionaries do not change under a process). */
const tsQueries = new SizedLru<{ text: string; size: number }>(1 << 20)

/**
 * PostgreSQL's full-text searches, answered by the in-memory index (src/infra/search/memoryIndex.ts) in the same
 * rows as searchInDatabase's: the same matches, the same ts_rank, the same counts, without fetching every match.
 * Null when the index cannot take the query (over 31 distinct terms: eight words with three corrections each make 32).
 */
async function searchInMemory(payload: Payload, terms: PlannedTerm[], filters: SearchFilters, offset: number, limit: number): Promise<Row[] | null> {
  const text = toTsQuery(terms)
  let tsquery = tsQueries.get(text)?.text
  if (tsquery === undefined) {
    const [row] = await queryRows<{ q: string }>(payload, undefined, sql`SELECT to_tsquery('english', ${text})::text AS q`)
    tsquery = row.q
    tsQueries.set(text, { text: tsquery, size: tsquery.length })
  }
  const hits = (await memorySearchIndex(payload)).search({ tsquery, filters, offset, limit })
  if (hits === null) return null
  const ids = [...hits.categories.keys()]
  const categories =
    ids.length === 0
      ? []
      : await queryRows<{ id: number; slug: string; title: string }>(
          payload,
          undefined,
          sql`SELECT id, slug, title FROM categories WHERE id IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        )
  const row = (part: number, fields: Partial<Row>): Row => ({ part, id: 0, band: null, in_stock: 0, in_category: 0, slug: null, title: null, n: 0, ...fields })
  return [
    ...hits.page.map((id, i) => row(0, { id, n: offset + i + 1 })),
    ...hits.groups.map((g) => row(1, { band: g.band, in_stock: g.inStock ? 1 : 0, in_category: g.inCategory ? 1 : 0, n: g.n })),
    ...categories.map((c) => row(2, { id: c.id, slug: c.slug, title: c.title, n: hits.categories.get(Number(c.id)) })),
  ]
}

/** A category filter given as an id or a slug; null when no category has it. */
export async function resolveCategory(payload: Payload, idOrSlug: string): Promise<number | null> {
  const rows = /^\d+$/.test(idOrSlug)
    ? await queryRows<{ id: number }>(payload, undefined, sql`SELECT id FROM categories WHERE id = ${Number(idOrSlug)}`)
    : await queryRows<{ id: number }>(payload, undefined, sql`SELECT id FROM categories WHERE slug = ${idOrSlug}`)
  return rows.length > 0 ? Number(rows[0].id) : null
}
