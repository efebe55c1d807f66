import type { CollectionConfig, Payload } from 'payload'

import { definePlugin, type AdjustmentStep } from '../kit'
import { processSingleton } from '../kit/platform'
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
export const promotionsPlugin = definePlugin<PromotionsOptions, { adminGroup: string }>({
  name: 'promotions',
  defaults: { adminGroup: 'Shop' },
  sanitize: (options) => ({ ...options, ...sanitizePromotionsOptions(options) }),
  build: (options) => promotionsParts(options),
})
