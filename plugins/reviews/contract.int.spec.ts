import type { Payload } from 'payload'

import { runPluginContract } from '../kit/testing'
import { reviewsPlugin } from '.'

let made = 0
const productFor = async (payload: Payload) => {
  made += 1
  return payload.create({ collection: 'products', data: { title: `Contract mug ${made}`, price: 900, sku: `CONTRACT-${made}`, _status: 'published' } })
}

runPluginContract({
  plugin: reviewsPlugin,
  collections: [
    {
      slug: 'reviews',
      sample: async (payload) => ({ product: (await productFor(payload)).id, rating: 5, title: 'Lovely', text: 'Holds tea.' }),
      // A pending review is its author's until a merchandiser approves it.
      privateDoc: async (payload, customerId) =>
        payload.create({
          collection: 'reviews',
          data: {
            product: (await productFor(payload)).id,
            customer: customerId as number,
            rating: 2,
            title: 'Chipped',
            text: 'Arrived chipped.',
            status: 'pending',
          },
        }),
    },
  ],
})
