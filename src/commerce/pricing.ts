import { CommerceError, invalidField } from './errors'
import { assertNonNegativePence, assertPence } from './money'
import type { Pence } from './money'
import type { Adjustment, AdjustmentContext, LineOption, PricedLine, PricingRegistry } from './pricingRegistry'
import { assertLineQuantity } from './stock'
import { vatFromInclusive } from './vat'

export interface ShippingSettings {
  flatRate: Pence
  /** Goods total (after adjustments) from which shipping is free; null means never free. */
  freeOver: Pence | null
  countries: readonly string[]
}

export interface PricingSettings {
  vatRate: number
  shipping: ShippingSettings
}

export interface LineInput {
  sku: string
  title: string
  options?: LineOption[]
  unitPrice: Pence
  quantity: number
}

export interface PricingInput {
  lines: readonly LineInput[]
  discountCode?: string
  shippingCountry?: string
  customerId?: number | string | null
  settings: PricingSettings
}

export interface OrderTotals {
  subtotal: Pence
  /** subtotal minus the goods total after adjustments (positive for a discount). */
  discount: Pence
  shipping: Pence
  vat: Pence
  total: Pence
}

export interface PricedCart {
  lines: PricedLine[]
  adjustments: Adjustment[]
  totals: OrderTotals
}

/** Which request fields to name when the country or code is refused. */
export interface PricingFields {
  discountCode: string
  shippingCountry: string
}

const defaultFields: PricingFields = {
  discountCode: 'discountCode',
  shippingCountry: 'shippingCountry',
}

export function priceLines(lines: readonly LineInput[]): PricedLine[] {
  return lines.map((line, i) => {
    assertNonNegativePence(line.unitPrice, `lines.${i}.unitPrice`)
    assertLineQuantity(line.quantity, `lines.${i}.quantity`)
    const lineTotal = line.unitPrice * line.quantity
    assertPence(lineTotal, `lines.${i}.lineTotal`)
    const { sku, title, unitPrice, quantity } = line
    return { sku, title, options: line.options ?? [], unitPrice, quantity, lineTotal }
  })
}

export function assertShipsTo(country: string, settings: PricingSettings, field = 'shippingCountry'): void {
  if (!settings.shipping.countries.includes(country)) {
    const list = settings.shipping.countries.join(', ') || 'none'
    throw invalidField('country_not_shipped', field, `we do not ship to ${country} (we ship to: ${list})`)
  }
}

/** Refuses a code that no registered step claims: until a discount plugin exists, every code. */
export async function assertDiscountCodeKnown(registry: PricingRegistry, code: string, ctx: AdjustmentContext, field = 'discountCode'): Promise<void> {
  for (const step of registry.steps()) {
    if (step.acceptsDiscountCode && (await step.acceptsDiscountCode(code, ctx))) return
  }
  throw new CommerceError(400, 'unknown_discount_code', `Unknown discount code "${code}"`, [{ field, message: `unknown discount code "${code}"` }])
}

export function shippingFor(goodsTotal: Pence, settings: PricingSettings): Pence {
  const { flatRate, freeOver } = settings.shipping
  assertNonNegativePence(flatRate, 'shipping.flatRate')
  return freeOver !== null && goodsTotal >= freeOver ? 0 : flatRate
}

async function runAdjustments(registry: PricingRegistry, base: AdjustmentContext): Promise<Adjustment[]> {
  const all: Adjustment[] = []
  for (const step of registry.steps()) {
    const made = await step.adjust({ ...base, previous: [...all] })
    made.forEach((a) => assertPence(a.amount, `adjustment ${a.code}`))
    all.push(...made)
  }
  return all
}

/** lines → subtotal → adjustments → shipping → VAT part of the final total → total. */
export async function priceCart(registry: PricingRegistry, input: PricingInput, fields: PricingFields = defaultFields): Promise<PricedCart> {
  const { settings, discountCode, shippingCountry } = input
  const lines = priceLines(input.lines)
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0)
  const base: AdjustmentContext = {
    lines,
    subtotal,
    discountCode,
    shippingCountry,
    customerId: input.customerId,
    previous: [],
  }
  if (shippingCountry !== undefined) assertShipsTo(shippingCountry, settings, fields.shippingCountry)
  if (discountCode !== undefined) {
    await assertDiscountCodeKnown(registry, discountCode, base, fields.discountCode)
  }
  const adjustments = await runAdjustments(registry, base)
  // A discount can take the goods to zero, never below.
  const goods = Math.max(0, subtotal + adjustments.reduce((sum, a) => sum + a.amount, 0))
  const shipping = shippingFor(goods, settings)
  const total = goods + shipping
  const vat = vatFromInclusive(total, settings.vatRate)
  return {
    lines,
    adjustments,
    totals: { subtotal, discount: subtotal - goods, shipping, vat, total },
  }
}
