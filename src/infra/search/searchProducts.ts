import type { Payload } from 'payload'

import { PRICE_BANDS, type PriceBandKey } from '../../commerce/search/priceBands'
import { planQuery, toFtsQuery, toTsQuery, type PlannedTerm } from '../../commerce/search/queryPlan'
import { parseSku } from '../../commerce/sku'
import { dialect, queryRows, sql } from '../sql'
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

/** The matches as a CTE `m (product_id, score, price_band, in_stock)`: by exact SKU, or by full-text match. */
function matchesCte(postgres: boolean, sku: string | null, terms: PlannedTerm[]): SQL {
  if (sku !== null) {
    return sql`m AS (SELECT s.product_id, 1.0 AS score, s.price_band, s.in_stock FROM search_products s
      WHERE s.product_id IN (SELECT product_id FROM search_skus WHERE sku = ${sku}))`
  }
  if (postgres) {
    // ts_rank weighs A (title) 1.0, B (SKUs, options) 0.4, C (description, categories) 0.2.
    return sql`m AS (SELECT s.product_id, ts_rank(s.document, q.query) AS score, s.price_band, s.in_stock
      FROM search_products s, to_tsquery('english', ${toTsQuery(terms)}) AS q(query) WHERE s.document @@ q.query)`
  }
  // bm25 is lower for better matches; the weights give title, codes and body the roles of A, B and C.
  return sql`m AS (SELECT s.product_id, -bm25(search_fts, 10.0, 4.0, 1.0) AS score, s.price_band, s.in_stock
    FROM search_fts JOIN search_products s ON s.product_id = search_fts.rowid WHERE search_fts MATCH ${toFtsQuery(terms)})`
}

function where(filters: SearchFilters, except?: Facet): SQL {
  const conditions: SQL[] = [sql`1 = 1`]
  if (filters.categoryId !== undefined && except !== 'category') {
    conditions.push(sql`EXISTS (SELECT 1 FROM search_product_categories c WHERE c.product_id = m.product_id AND c.category_id = ${filters.categoryId})`)
  }
  if (filters.priceBand !== undefined && except !== 'priceBand') conditions.push(sql`m.price_band = ${filters.priceBand}`)
  if (filters.inStock && except !== 'inStock') conditions.push(sql`m.in_stock = 1`)
  return sql.join(conditions, sql` AND `)
}

/**
 * One page of published products matching the query, with facet counts. Each facet counts the matches under the
 * other facets' filters (not its own), so a count is what choosing that value instead would list.
 */
export async function searchProducts(
  payload: Payload,
  query: { q: string; tokens: string[]; filters: SearchFilters; page: number; limit: number },
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
  const m = matchesCte(postgres, matchedSku, terms)
  const { filters } = query
  const offset = (query.page - 1) * query.limit
  // One aggregate gives the total, the band counts and the in-stock count: matches grouped by band, stock and
  // whether they are in the chosen category, then summed in here under each facet's "other filters".
  const inCategory =
    filters.categoryId === undefined
      ? sql`1`
      : sql`CASE WHEN EXISTS (SELECT 1 FROM search_product_categories c WHERE c.product_id = m.product_id AND c.category_id = ${filters.categoryId}) THEN 1 ELSE 0 END`
  const [page, groups, categories] = await Promise.all([
    queryRows<{ product_id: number }>(
      payload,
      undefined,
      sql`WITH ${m} SELECT m.product_id FROM m WHERE ${where(filters)} ORDER BY m.score DESC, m.product_id LIMIT ${query.limit} OFFSET ${offset}`,
    ),
    queryRows<{ price_band: string; in_stock: unknown; in_category: unknown; n: unknown }>(
      payload,
      undefined,
      sql`WITH ${m} SELECT m.price_band, m.in_stock, ${inCategory} AS in_category, count(*) AS n FROM m GROUP BY 1, 2, 3`,
    ),
    queryRows<{ id: number; slug: string; title: string; n: unknown }>(
      payload,
      undefined,
      sql`WITH ${m} SELECT cat.id, cat.slug, cat.title, count(*) AS n FROM m
          JOIN search_product_categories c ON c.product_id = m.product_id JOIN categories cat ON cat.id = c.category_id
          WHERE ${where(filters, 'category')} GROUP BY cat.id, cat.slug, cat.title ORDER BY count(*) DESC, cat.title`,
    ),
  ])
  const rows = groups.map((g) => ({ band: g.price_band, inStock: Number(g.in_stock) === 1, inCategory: Number(g.in_category) === 1, n: Number(g.n) }))
  const passes = (row: (typeof rows)[number], except?: Facet) =>
    (except === 'category' || row.inCategory) &&
    (except === 'priceBand' || filters.priceBand === undefined || row.band === filters.priceBand) &&
    (except === 'inStock' || !filters.inStock || row.inStock)
  const sum = (selected: typeof rows) => selected.reduce((total, row) => total + row.n, 0)
  return {
    ids: page.map((r) => Number(r.product_id)),
    total: sum(rows.filter((row) => passes(row))),
    facets: {
      categories: categories.map((c) => ({ id: Number(c.id), slug: c.slug, title: c.title, count: Number(c.n) })),
      priceBands: PRICE_BANDS.map((b) => ({ key: b.key, label: b.label, count: sum(rows.filter((row) => row.band === b.key && passes(row, 'priceBand'))) })),
      inStock: { count: sum(rows.filter((row) => row.inStock && passes(row, 'inStock'))) },
    },
    matchedSku,
    terms,
  }
}

/** A category filter given as an id or a slug; null when no category has it. */
export async function resolveCategory(payload: Payload, idOrSlug: string): Promise<number | null> {
  const rows = /^\d+$/.test(idOrSlug)
    ? await queryRows<{ id: number }>(payload, undefined, sql`SELECT id FROM categories WHERE id = ${Number(idOrSlug)}`)
    : await queryRows<{ id: number }>(payload, undefined, sql`SELECT id FROM categories WHERE slug = ${idOrSlug}`)
  return rows.length > 0 ? Number(rows[0].id) : null
}
