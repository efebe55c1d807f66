export type Target = {
  name: string
  method: 'GET' | 'POST'
  path: string
  body?: string
  paths?: string[]
  headers?: Record<string, string>
  /** A fresh body and extra headers for each request (a checkout's Idempotency-Key). */
  next?: () => { body: string; headers: Record<string, string> }
}

const ROTATE_OVER = 1000

/** The slugs of the first `count` products by slug, read a page of 100 at a time. */
async function slugs(baseUrl: string, count: number): Promise<string[]> {
  const found: string[] = []
  for (let page = 1; found.length < count; page++) {
    const res = await fetch(`${baseUrl}/api/products?limit=100&depth=0&sort=slug&page=${page}`)
    const body = (await res.json()) as { docs: { slug: string }[]; hasNextPage: boolean }
    found.push(...body.docs.map((d) => d.slug))
    if (!body.hasNextPage) break
  }
  return found.slice(0, count)
}

/**
 * The three reads of issue 15: the first 20 products at depth 1, one product by slug (rotating over 1,000 slugs, so
 * a cache would see 1,000 keys), and a GraphQL listing of 20.
 */
export async function readTargets(baseUrl: string): Promise<Target[]> {
  const count = ((await (await fetch(`${baseUrl}/api/products?limit=1&depth=0`)).json()) as { totalDocs: number }).totalDocs
  if (count < 1000) console.warn(`Only ${count} products: seed with \`npm run seed -- --products 10000\` for comparable figures`)
  const bySlug = (await slugs(baseUrl, ROTATE_OVER)).map((slug) => `/api/products?where[slug][equals]=${encodeURIComponent(slug)}&depth=1`)
  return [
    { name: 'first 20 products, depth=1', method: 'GET', path: '/api/products?limit=20&depth=1' },
    { name: `product by slug (rotating over ${bySlug.length})`, method: 'GET', path: bySlug[0]!, paths: bySlug },
    {
      name: 'GraphQL first 20',
      method: 'POST',
      path: '/api/graphql',
      body: JSON.stringify({ query: '{ Products(limit: 20, sort: "title") { totalDocs docs { id title slug price } } }' }),
    },
  ]
}
