import { runSearch } from '../infra/search/runSearch'
import { endpoint, json } from './respond'

// GET /api/search?q=…&category=…&priceBand=…&inStock=true&page=…&limit=… — published products, best match first,
// with facet counts (docs/search.md). Products at depth 1, as a listing shows them.
export const handleSearch = endpoint(async (req) => json(await runSearch(req, Object.fromEntries(req.searchParams ?? []), 1)))
