import { createPricingRegistry, type PricingRegistry } from '../commerce/pricingRegistry'

// Plugins register their adjustment steps here once at start; kept on globalThis like the event bus.
const key = Symbol.for('ipswich-retail.pricing')
const holder = globalThis as unknown as Record<symbol, PricingRegistry | undefined>

export function pricingRegistry(): PricingRegistry {
  holder[key] ??= createPricingRegistry()
  return holder[key]!
}
