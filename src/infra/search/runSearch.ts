import type { PayloadRequest } from 'payload'

import { notFound } from '../../commerce/errors'
import { parseSearchInput } from '../../commerce/search/searchInput'
import { searchProducts, resolveCategory, type SearchFacets } from './searchProducts'

export interface SearchResult<Doc = unknown> {
  q: string
  docs: Doc[]
  totalDocs: number
  page: number
  limit: number
  totalPages: number
  hasNextPage: boolean
  hasPrevPage: boolean
  facets: SearchFacets
  /** How the query was read: a SKU, or its words with any corrections tried ("jumpr" → jumper). */
  interpretation: { sku: string | null; words: { word: string; corrections: string[]; optionOnly: boolean }[] }
}

/**
 * What a listing card shows; the REST answer carries these fields of each product (GraphQL picks its own). No
 * categories: filling them in (with their breadcrumbs) was half of Payload's time per search, and the category
 * facet already names them.
 */
export const CARD_SELECT = {
  title: true,
  slug: true,
  price: true,
  compareAtPrice: true,
  images: true,
  sku: true,
  variants: true,
  createdAt: true,
  updatedAt: true,
} as const
/** The image fields a card needs. */
export const CARD_POPULATE = {
  media: { alt: true, url: true, thumbnailURL: true, filename: true, mimeType: true, width: true, height: true, sizes: true },
} as const

/**
 * The search operation behind GET /api/search and the SearchProducts GraphQL query: parse (400 on a bad query),
 * match, then load the page's products through the Local API with the caller's access, best match first.
 */
export async function runSearch(
  req: PayloadRequest,
  params: Record<string, unknown>,
  load: { depth: number; select?: typeof CARD_SELECT; populate?: typeof CARD_POPULATE },
): Promise<SearchResult> {
  const input = parseSearchInput(params)
  let categoryId: number | undefined
  if (input.category !== undefined) {
    const found = await resolveCategory(req.payload, input.category)
    if (found === null) throw notFound('unknown_category', `No category has the id or slug "${input.category}"`)
    categoryId = found
  }
  const hits = await searchProducts(req.payload, {
    q: input.q,
    tokens: input.tokens,
    filters: { categoryId, priceBand: input.priceBand, inStock: input.inStock },
    page: input.page,
    limit: input.limit,
  })
  const found =
    hits.ids.length === 0
      ? []
      : (
          await req.payload.find({
            collection: 'products',
            where: { and: [{ id: { in: hits.ids } }, { _status: { equals: 'published' } }] },
            depth: load.depth,
            ...(load.select ? { select: load.select } : {}),
            ...(load.populate ? { populate: load.populate } : {}),
            limit: hits.ids.length,
            pagination: false,
            overrideAccess: false,
            req,
          })
        ).docs
  const byId = new Map(found.map((doc) => [Number(doc.id), doc]))
  const totalPages = Math.ceil(hits.total / input.limit)
  return {
    q: input.q,
    docs: hits.ids.map((id) => byId.get(id)).filter((doc) => doc !== undefined),
    totalDocs: hits.total,
    page: input.page,
    limit: input.limit,
    totalPages,
    hasNextPage: input.page < totalPages,
    hasPrevPage: input.page > 1,
    facets: hits.facets,
    interpretation: {
      sku: hits.matchedSku,
      words: hits.terms.map(({ word, corrections, optionOnly }) => ({ word, corrections, optionOnly })),
    },
  }
}
