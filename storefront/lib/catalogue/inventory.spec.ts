import { inStockProductIds, productsInStock, stockForSkus } from './inventory'

// Which tags each stock read is cached under (Next's data cache and the page cache): the CMS sends `sku:<SKU>` and
// `inventory` for every stock move, and `in-stock` when a SKU sold out or came back (plugins/storefrontRevalidation/tags.ts).
const realFetch = globalThis.fetch
let tagsSent: string[][] = []

beforeEach(() => {
  tagsSent = []
  globalThis.fetch = (async (_url: string, init: RequestInit & { next?: { tags?: string[] } }) => {
    tagsSent.push(init.next?.tags ?? [])
    return Response.json({ docs: [{ sku: 'MUG-1', available: 3, product: 7 }], hasNextPage: false, totalDocs: 1 })
  }) as typeof fetch
})
afterAll(() => {
  globalThis.fetch = realFetch
})

describe('stock reads', () => {
  it("reads a product's stock under its SKUs alone, so another product's sale leaves it cached", async () => {
    expect(await stockForSkus(['MUG-1', 'MUG-2'])).toEqual(new Map([['MUG-1', 3]]))
    expect(tagsSent).toEqual([['sku:MUG-1', 'sku:MUG-2']])
  })

  it('reads a product with more SKUs than Next keeps tags under inventory', async () => {
    await stockForSkus(Array.from({ length: 121 }, (_, i) => `TEE-${i}`))
    expect(tagsSent).toEqual([['inventory']])
  })

  it('reads which products are in stock under in-stock alone, so a sale that leaves units keeps the listings cached', async () => {
    await productsInStock([7, 8])
    await inStockProductIds({ categoryIds: [3] })
    expect(tagsSent).toEqual([['in-stock'], ['in-stock']])
  })
})
