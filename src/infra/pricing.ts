import { createPricingRegistry, type PricingRegistry } from '../commerce/pricingRegistry'
import { processSingleton } from './processSingleton'

// Plugins register their adjustment steps here once at start; one per process, like the event bus.
export function pricingRegistry(): PricingRegistry {
  return processSingleton('pricing', createPricingRegistry)
}
