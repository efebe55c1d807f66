import type { Pence } from './money'

export interface LineOption {
  name: string
  value: string
}

export interface PricedLine {
  sku: string
  title: string
  options: LineOption[]
  unitPrice: Pence
  quantity: number
  lineTotal: Pence
}

/** A change to the goods total: negative amounts are discounts, positive ones surcharges. */
export interface Adjustment {
  code: string
  label: string
  amount: Pence
}

/** What an adjustment step sees: the priced goods and the adjustments of earlier steps. */
export interface AdjustmentContext {
  lines: readonly PricedLine[]
  subtotal: Pence
  discountCode?: string
  shippingCountry?: string
  customerId?: number | string | null
  previous: readonly Adjustment[]
}

/** Registered by plugins; runs in registration order. */
export interface AdjustmentStep {
  name: string
  /** A discount plugin claims the codes it knows; a code nobody claims is refused as unknown. */
  acceptsDiscountCode?(code: string, ctx: AdjustmentContext): boolean | Promise<boolean>
  adjust(ctx: AdjustmentContext): Adjustment[] | Promise<Adjustment[]>
}

export interface PricingRegistry {
  registerAdjustment(step: AdjustmentStep): void
  steps(): readonly AdjustmentStep[]
}

/** A fresh registry per store, so plugins registered in one test or app never leak into another. */
export function createPricingRegistry(): PricingRegistry {
  const registered: AdjustmentStep[] = []
  return {
    registerAdjustment(step) {
      if (registered.some((s) => s.name === step.name)) {
        throw new Error(`An adjustment step named "${step.name}" is already registered`)
      }
      registered.push(step)
    },
    steps: () => [...registered],
  }
}
