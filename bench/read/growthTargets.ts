import type { Target } from './targets'

// What shoppers type (bench/search's queries): words, phrases, a misspelling, a generated SKU, demo words.
const QUERIES = ['wool', 'oak bowl', 'lantern', 'harbour mug', 'stonewear', 'enamel jug', 'cushion', 'BEN-00042', 'linen throw', 'candel']
const ADDRESS = { name: 'Bench Shopper', line1: '1 Tavern Street', city: 'Ipswich', postcode: 'IP1 3AA', country: 'GB' }
const CHECKOUT_SKUS = 1000

/** The generated product numbers checkout rotates over: single-SKU products spread over the whole catalogue. */
export function checkoutSkus(products: number): string[] {
  const step = Math.max(1, Math.floor(products / CHECKOUT_SKUS))
  const skus: string[] = []
  for (let index = 1; index <= products && skus.length < CHECKOUT_SKUS; index += step) {
    // Every fifth product has size variants (src/seed/bench/benchProduct.ts); the others are one SKU.
    const single = index % 5 === 0 ? index + 1 : index
    if (single <= products) skus.push(`BEN-${String(single).padStart(5, '0')}`)
  }
  return skus
}

/** Search rotating over the queries, uncached (a token cookie keeps the read cache out, as in bench/search). */
export function searchTarget(): Target {
  const paths = QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=12`)
  return { name: 'search (rotating over 10 queries)', method: 'GET', path: paths[0]!, paths, headers: { cookie: 'payload-token=bench-uncached' } }
}

/** A one-unit card checkout of a generated SKU, a fresh Idempotency-Key each time, rotating over the catalogue. */
export function checkoutTarget(products: number): Target {
  const skus = checkoutSkus(products)
  let n = 0
  return {
    name: `checkout, 1 unit (rotating over ${skus.length} generated SKUs)`,
    method: 'POST',
    path: '/api/checkout',
    next: () => {
      n++
      return {
        headers: { 'idempotency-key': `growth-${process.pid}-${Date.now()}-${n}` },
        body: JSON.stringify({
          items: [{ sku: skus[n % skus.length], quantity: 1 }],
          email: `growth${n}@example.com`,
          shippingAddress: ADDRESS,
          paymentMethod: 'test-card',
          card: { number: '4242424242424242' },
        }),
      }
    },
  }
}
