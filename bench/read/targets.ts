export type Target = { name: string; method: 'GET' | 'POST'; path: string; body?: string }

/** The three reads: a listing page, one product by slug, and a GraphQL listing. */
export async function readTargets(baseUrl: string): Promise<Target[]> {
  const listing = await fetch(`${baseUrl}/api/products?limit=20&depth=0&sort=slug`).then(
    (r) => r.json() as Promise<{ docs: { slug: string }[]; totalDocs: number }>,
  )
  if (listing.totalDocs < 1000) console.warn(`Only ${listing.totalDocs} products: seed with \`npm run seed -- --products 1000\` for comparable figures`)
  const slug = listing.docs[Math.floor(listing.docs.length / 2)].slug
  return [
    { name: 'listing (20, depth 0)', method: 'GET', path: '/api/products?limit=20&depth=0' },
    { name: 'product by slug', method: 'GET', path: `/api/products?where[slug][equals]=${encodeURIComponent(slug)}&depth=1` },
    {
      name: 'GraphQL listing (20)',
      method: 'POST',
      path: '/api/graphql',
      body: JSON.stringify({ query: '{ Products(limit: 20, sort: "title") { totalDocs docs { id title slug price } } }' }),
    },
  ]
}
