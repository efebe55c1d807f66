import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { afterCommit, crossedZero, definePlugin, logger, type PluginParts } from '../kit'
import { processSingleton } from '../kit/platform'
import { createRevalidator } from './revalidator'
import { tagsForDocument, tagsForStock } from './tags'

export interface StorefrontRevalidationOptions {
  /** Where the storefront listens; defaults to http://localhost:3000. */
  storefrontUrl?: string
  /** Without a secret the storefront cannot be told; the plugin then does nothing. */
  secret?: string
  /** Collections whose changes refresh storefront pages; defaults to products, categories and media. */
  collections?: string[]
  enabled?: boolean
}

const defaults = { storefrontUrl: 'http://localhost:3000', collections: ['products', 'categories', 'media'] }

/** Tells the storefront which cached pages a catalogue, settings or stock change touched, after commit. */
export const storefrontRevalidationPlugin = definePlugin<StorefrontRevalidationOptions, typeof defaults>({
  name: 'storefrontRevalidation',
  defaults,
  build: ({ storefrontUrl, secret, collections }): PluginParts => {
    if (!secret) return {}
    const revalidator = () => processSingleton('storefrontRevalidator', () => createRevalidator({ storefrontUrl, secret, logger: logger() }))
    const afterChange =
      (slug: string): CollectionAfterChangeHook =>
      async ({ doc, previousDoc, req, context }) => {
        if (context?.seed) return doc
        await afterCommit(req, async () => revalidator().revalidate(tagsForDocument(slug, doc, previousDoc)))
        return doc
      }
    const afterDelete =
      (slug: string): CollectionAfterDeleteHook =>
      async ({ doc, req }) => {
        await afterCommit(req, async () => revalidator().revalidate(tagsForDocument(slug, doc)))
      }
    const onSettings: GlobalAfterChangeHook = async ({ doc, req }) => {
      await afterCommit(req, async () => revalidator().revalidate(tagsForDocument('store-settings', null)))
      return doc
    }
    return {
      hooks: Object.fromEntries(collections.map((slug) => [slug, { afterChange: [afterChange(slug)], afterDelete: [afterDelete(slug)] }])),
      globalHooks: { 'store-settings': { afterChange: [onSettings] } },
      events: {
        'stock.changed': (e) => revalidator().revalidate(tagsForStock(e.sku, crossedZero(e))),
        // An import's products and new SKUs, at once (their hooks do not run for a bulk create).
        'catalogue.imported': (e) =>
          revalidator().revalidate([...e.slugs.map((s) => `product:${s}`), ...e.newSkus.map((sku) => `sku:${sku}`), 'products', 'inventory', 'in-stock']),
      },
    }
  },
})
