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

/** What a step sees once the checkout's order exists, inside the checkout's transaction. */
export interface RedemptionContext {
  order: { id: number | string; orderNumber: string }
  discountCode?: string
  customerId: number | string | null
  /** The shopper's email, lower-cased (a guest's identity for per-customer limits). */
  email: string
  lines: readonly PricedLine[]
  subtotal: Pence
  /** Every adjustment the cart was priced with, this step's among them. */
  adjustments: readonly Adjustment[]
  /** The store adapter's handle on the open transaction (the Payload request); opaque to the rules. */
  transaction: unknown
}

/** Registered by plugins; runs in registration order. */
export interface AdjustmentStep {
  name: string
  /**
   * A discount plugin claims the codes it knows; a code nobody claims is refused as unknown. It may throw a
   * CommerceError naming why a code it knows cannot be used (expired, minimum spend, …).
   */
  acceptsDiscountCode?(code: string, ctx: AdjustmentContext): boolean | Promise<boolean>
  adjust(ctx: AdjustmentContext): Adjustment[] | Promise<Adjustment[]>
  /**
   * Runs in the checkout's transaction after the order is created (usage counters, redemption records). Throwing
   * refuses the checkout: the order, its stock and every write made here roll back together.
   */
  redeem?(ctx: RedemptionContext): Promise<void>
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
