import type { CollectionConfig } from 'payload'

import { attachHooks } from './attachHooks'

const own = async () => undefined
const added = async () => undefined

describe('attachHooks', () => {
  it('should append hooks after the collection’s own and leave other collections alone', () => {
    const collections = [
      { slug: 'products', fields: [], hooks: { afterChange: [own] } },
      { slug: 'orders', fields: [] },
    ] as unknown as CollectionConfig[]
    const [products, orders] = attachHooks(collections, { products: { afterChange: [added], afterDelete: [added] } })
    expect([products.hooks?.afterChange, products.hooks?.afterDelete, orders]).toEqual([[own, added], [added], collections[1]])
  })
})
