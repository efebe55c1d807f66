import { CATALOGUE_SORT_COLUMNS, type CatalogueSortField } from '../infra/search/catalogue'

export type CatalogueQuery =
  { kind: 'list'; limit: number; page: number; field: CatalogueSortField; descending: boolean } | { kind: 'slug'; slug: string; limit: number }

const WHOLE = /^[1-9]\d{0,5}$/
const KNOWN = new Set(['depth', 'limit', 'page', 'sort', 'where[slug][equals]', 'where[_status][equals]'])

/**
 * The anonymous `GET /api/products` reads the catalogue read model answers exactly as Payload would: depth 1, a
 * plain `limit` and `page`, no sort or one sortable field, optionally a slug; `where[_status][equals]=published` adds
 * nothing to what anonymous readers see. Anything else (another parameter, a repeated one, `draft`, `select`,
 * another depth) is null: Payload answers it.
 */
export function parseCatalogueQuery(search: string, maxLimit: number): CatalogueQuery | null {
  const params = new URLSearchParams(search)
  const seen = new Map<string, string>()
  for (const [name, value] of params) {
    if (!KNOWN.has(name) || seen.has(name)) return null
    seen.set(name, value)
  }
  if (seen.get('depth') !== '1') return null
  const status = seen.get('where[_status][equals]')
  if (status !== undefined && status !== 'published') return null
  const limitText = seen.get('limit')
  const pageText = seen.get('page')
  if ((limitText !== undefined && !WHOLE.test(limitText)) || (pageText !== undefined && !WHOLE.test(pageText))) return null
  const limit = limitText === undefined ? 10 : Number(limitText)
  const page = pageText === undefined ? 1 : Number(pageText)
  if (limit > maxLimit) return null
  const slug = seen.get('where[slug][equals]')
  if (slug !== undefined) return slug !== '' && page === 1 && !seen.has('sort') ? { kind: 'slug', slug, limit } : null
  const sort = seen.get('sort') ?? '-createdAt'
  const descending = sort.startsWith('-')
  const field = descending ? sort.slice(1) : sort
  if (!Object.hasOwn(CATALOGUE_SORT_COLUMNS, field)) return null
  return { kind: 'list', limit, page, field: field as CatalogueSortField, descending }
}
