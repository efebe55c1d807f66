import type { TaskConfig } from 'payload'

import { definePlugin } from '../kit'
import { subscriptionsCollection } from './collection'
import { notifySubscribers, sendBackInStockEmail } from './notify'
import { subscribe, subscribeDescription } from './subscribe'

export interface BackInStockOptions {
  /** Where the emails link to; defaults to http://localhost:3000. */
  storefrontUrl?: string
  enabled?: boolean
}

const defaults = { storefrontUrl: 'http://localhost:3000' }

/** Shoppers subscribe to a sold-out SKU with an email; when its stock rises above zero each gets one email and the subscription closes. */
export const backInStockPlugin = definePlugin<BackInStockOptions, typeof defaults>({
  name: 'back-in-stock',
  defaults,
  build: (options) => ({
    collections: [subscriptionsCollection],
    // Payload's config lists tasks untyped; the task's own type checks its input where it is queued.
    jobs: [sendBackInStockEmail as unknown as TaskConfig],
    endpoints: [{ path: '/back-in-stock/subscribe', method: 'post', handler: subscribe, custom: { openapi: subscribeDescription } }],
    events: {
      'stock.changed': async (event, { payload }) => {
        if (event.available > 0 && event.change > 0) await notifySubscribers(payload, event.sku, options.storefrontUrl)
      },
    },
  }),
})
