import type { CollectionConfig, Config, Payload, Plugin } from 'payload'

import type { AdjustmentStep } from '../../src/commerce/pricingRegistry'
import { pricingRegistry } from '../../src/infra/pricing'
import { processSingleton } from '../../src/infra/processSingleton'
import { createDiscountCodesCollection, createDiscountRedemptionsCollection } from './collections'
import { sanitizePromotionsOptions, type PromotionsOptions, type SanitizedPromotionsOptions } from './options'
import { discountCodeStep, type PayloadHolder } from './step'

export type { PromotionsOptions } from './options'

/** What the plugin adds, in the parts shape of the plugin kit: schema (collections) and behaviour (pricing, onInit). */
export function promotionsParts(options: SanitizedPromotionsOptions): {
  collections: CollectionConfig[]
  pricing: AdjustmentStep[]
  onInit: (payload: Payload) => void
} {
  // The registry is process-wide and outlives a Payload instance (tests boot several): the step asks the holder.
  const holder = processSingleton<PayloadHolder>('promotions.payload', () => ({ payload: null }))
  return {
    collections: [createDiscountCodesCollection(options), createDiscountRedemptionsCollection(options)],
    pricing: [discountCodeStep(holder)],
    onInit: (payload) => {
      holder.payload = payload
    },
  }
}

/**
 * Discount codes (percentage or fixed, minimum spend, dates, products or categories, total and per-customer limits),
 * priced at quote and checkout and counted in the checkout's transaction. `enabled: false` keeps the collections
 * (no schema churn) and prices no code.
 */
export const promotionsPlugin =
  (incoming: PromotionsOptions = {}): Plugin =>
  (config: Config): Config => {
    const options = sanitizePromotionsOptions(incoming)
    const parts = promotionsParts(options)
    const collections = [...(config.collections ?? []), ...parts.collections]
    if (!options.enabled) return { ...config, collections }
    return {
      ...config,
      collections,
      onInit: async (payload) => {
        await config.onInit?.(payload)
        parts.onInit(payload)
        for (const step of parts.pricing) {
          if (
            !pricingRegistry()
              .steps()
              .some((s) => s.name === step.name)
          )
            pricingRegistry().registerAdjustment(step)
        }
      },
    }
  }
