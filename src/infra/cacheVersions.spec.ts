import { localVersions } from './cacheVersions'

describe('localVersions', () => {
  it('should change the tag of every group that holds a bumped collection, and only those', async () => {
    const versions = localVersions()
    const products = ['products', 'media'] as const
    const settings = ['store-settings'] as const
    const before = [versions.tag(products), versions.tag(settings)]
    await versions.bump(['media'])
    expect(versions.tag(products)).not.toBe(before[0])
    expect(versions.tag(settings)).toBe(before[1])
  })
})

describe('onChange', () => {
  it('should tell a listener of each bump, so a copy elsewhere (the edge) moves with it', async () => {
    const versions = localVersions()
    const seen: (string | null)[] = []
    versions.onChange(() => seen.push(versions.tag(['products'])))
    await versions.bump(['products', 'media'])
    expect(seen).toHaveLength(2)
    expect(seen[1]).toBe(versions.tag(['products']))
  })
})
