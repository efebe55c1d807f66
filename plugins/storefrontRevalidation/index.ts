import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, GlobalAfterChangeHook, Plugin } from 'payload'

import { afterCommit } from '../../src/infra/frameworkPatches'
import { events } from '../../src/infra/events'
import { logger } from '../../src/infra/logger'
import { oncePerProcess, processSingleton } from '../../src/infra/processSingleton'
import { createRevalidator } from './revalidator'
import { tagsForDocument, tagsForStock } from './tags'

export interface StorefrontRevalidationOptions {
  storefrontUrl: string
  /** Without a secret the storefront cannot be told; the plugin then does nothing. */
  secret?: string
  collections?: string[]
}

/** Tells the storefront which cached pages a catalogue, settings or stock change touched, after commit. */
export const storefrontRevalidationPlugin =
  (options: StorefrontRevalidationOptions): Plugin =>
  (config: Config): Config => {
    if (!options.secret) return config
    const collections = options.collections ?? ['products', 'categories', 'media']
    const revalidator = () =>
      processSingleton('storefrontRevalidator', () => createRevalidator({ storefrontUrl: options.storefrontUrl, secret: options.secret!, logger: logger() }))
    const onChange =
      (slug: string): CollectionAfterChangeHook =>
      async ({ doc, previousDoc, req, context }) => {
        if (context?.seed) return doc
        await afterCommit(req, async () => revalidator().revalidate(tagsForDocument(slug, doc, previousDoc)))
        return doc
      }
    const onDelete =
      (slug: string): CollectionAfterDeleteHook =>
      async ({ doc, req }) => {
        await afterCommit(req, async () => revalidator().revalidate(tagsForDocument(slug, doc)))
      }
    const onSettings: GlobalAfterChangeHook = async ({ doc, req }) => {
      await afterCommit(req, async () => revalidator().revalidate(tagsForDocument('store-settings', null)))
      return doc
    }
    const existingOnInit = config.onInit
    return {
      ...config,
      collections: (config.collections ?? []).map((c) =>
        collections.includes(c.slug)
          ? {
              ...c,
              hooks: {
                ...c.hooks,
                afterChange: [...(c.hooks?.afterChange ?? []), onChange(c.slug)],
                afterDelete: [...(c.hooks?.afterDelete ?? []), onDelete(c.slug)],
              },
            }
          : c,
      ),
      globals: (config.globals ?? []).map((g) =>
        g.slug === 'store-settings' ? { ...g, hooks: { ...g.hooks, afterChange: [...(g.hooks?.afterChange ?? []), onSettings] } } : g,
      ),
      onInit: async (payload) => {
        await existingOnInit?.(payload)
        oncePerProcess('storefrontRevalidation.subscribed', () => events().subscribe('stock.changed', (e) => revalidator().revalidate(tagsForStock(e.sku))))
      },
    }
  }
