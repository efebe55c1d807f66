import { CARD_POPULATE, CARD_SELECT, runSearch } from '../infra/search/runSearch'
import { endpoint, json } from './respond'

// GET /api/search?q=…&category=…&priceBand=…&inStock=true&page=…&limit=… — published products, best match first,
// with facet counts (docs/search.md). Each product with a listing card's fields (no description or categories), images filled in.
// `no-cache`, not the endpoints' usual `no-store`: the server's read cache may keep an anonymous answer (its key carries
// the products, categories, inventory and media versions, so any change to those retires it); browsers revalidate.
export const handleSearch = endpoint(async (req) =>
  json(await runSearch(req, Object.fromEntries(req.searchParams ?? []), { depth: 1, select: CARD_SELECT, populate: CARD_POPULATE }), 200, {
    'cache-control': 'no-cache',
  }),
)
