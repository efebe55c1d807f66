import { createRevalidator, TAGS_PER_REQUEST } from './revalidator'

describe('createRevalidator', () => {
  it('should send a burst of tags in requests of at most the storefront’s limit, every tag once', async () => {
    const bodies: string[][] = []
    const fetchImpl = (async (_url: string, init: { body: string }) => {
      bodies.push(JSON.parse(init.body).tags)
      return new Response('{}', { status: 200 })
    }) as unknown as typeof fetch
    const revalidator = createRevalidator({ storefrontUrl: 'http://127.0.0.1:1', secret: 's', fetchImpl })
    const tags = Array.from({ length: 450 }, (_, i) => `sku:IMPORT-${i}`)
    revalidator.revalidate(tags)
    await revalidator.settle()
    expect(bodies.map((b) => b.length)).toEqual([TAGS_PER_REQUEST, TAGS_PER_REQUEST, 50])
    expect(bodies.flat()).toEqual(tags)
  })
})
