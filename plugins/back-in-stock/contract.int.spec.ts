import { runPluginContract } from '../kit/testing'
import { backInStockPlugin } from '.'

// Subscriptions hold shoppers' emails: only staff read them, and shoppers write only through the endpoint.
runPluginContract({
  plugin: backInStockPlugin,
  collections: [{ slug: 'back-in-stock-subscriptions', sample: async () => ({ sku: 'ANY-SKU', email: 'shopper@example.com' }), staffOnly: true }],
  endpoints: [{ path: '/back-in-stock/subscribe', method: 'post' }],
})
