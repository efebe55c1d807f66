import { CARD_POPULATE, CARD_SELECT, runSearch } from '../infra/search/runSearch'
import { endpoint, json } from './respond'

// GET /api/search?q=…&category=…&priceBand=…&inStock=true&page=…&limit=… — published products, best match first,
// with facet counts (docs/search.md). Each product with a listing card's fields (no description or categories), images filled in.
export const handleSearch = endpoint(async (req) =>
  json(await runSearch(req, Object.fromEntries(req.searchParams ?? []), { depth: 1, select: CARD_SELECT, populate: CARD_POPULATE })),
)
