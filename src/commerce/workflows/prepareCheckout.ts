import { parseCheckoutBody } from '../checkoutInput'
import type { CheckoutInput } from '../checkoutInput'
import { invalidField, invalidFields } from '../errors'
import type { CheckoutQuote } from '../expectedTotal'
import type { FieldProblem } from '../errors'
import type { PaymentProvider } from '../payments'
import { priceCart } from '../pricing'
import type { PricedCart } from '../pricing'
import { MAX_LINE_QUANTITY, insufficientStock, mergeItems, sortBySku } from '../stock'
import type { SkuQuantity } from '../stock'
import type { CommerceDeps, Id, SellableSku, StoreSettings } from './ports'

export interface CheckoutPlan {
  input: CheckoutInput
  settings: StoreSettings
  provider: PaymentProvider
  priced: PricedCart
  /** The priced cart with each line's stock, as POST /api/cart/quote shows it (for a 409 price_changed). */
  quote: CheckoutQuote
  /** Merged lines in lock order, each with its SKU's low-stock threshold. */
  reservations: { sku: string; quantity: number; lowStockThreshold: number }[]
}

/** Why an item cannot be bought, or null when it can. */
export function itemProblem(sku: string, entry: SellableSku | undefined): string | null {
  if (!entry) return `unknown SKU "${sku}"`
  if (!entry.purchasable) return `"${sku}" is a product with variants: choose one of its variants`
  if (!entry.published) return `"${sku}" is not on sale`
  return null
}

function assertItemsSellable(input: CheckoutInput, catalogue: Map<string, SellableSku>): void {
  const problems: FieldProblem[] = []
  input.items.forEach((item, i) => {
    const message = itemProblem(item.sku, catalogue.get(item.sku))
    if (message) problems.push({ field: `items.${i}.sku`, message })
  })
  if (problems.length > 0) throw invalidFields('invalid_items', problems)
}

/** Repeated lines of one SKU may each be valid yet add up to more than a line may hold. */
export function assertMergedQuantities(input: { items: SkuQuantity[] }, merged: SkuQuantity[]): void {
  const over = merged.find((m) => m.quantity > MAX_LINE_QUANTITY)
  if (!over) return
  const index = input.items.findIndex((item) => item.sku === over.sku)
  throw invalidField('invalid_body', `items.${index}.quantity`, `"${over.sku}" adds up to ${over.quantity} across lines; at most ${MAX_LINE_QUANTITY}`)
}

/** Every read-only check of a checkout, before anything is written. */
export async function prepareCheckout(deps: CommerceDeps, body: unknown, customerId: Id | null): Promise<CheckoutPlan> {
  const input = parseCheckoutBody(body)
  const merged = mergeItems(input.items)
  assertMergedQuantities(input, merged)
  const provider = deps.payments.get(input.paymentMethod)
  if (!provider) {
    throw invalidField('payment_method_unavailable', 'paymentMethod', `${input.paymentMethod} is not enabled`)
  }
  const [settings, sellable] = await Promise.all([deps.store.settings(), deps.store.findSellable(merged.map((m) => m.sku))])
  const catalogue = new Map(sellable.map((s) => [s.sku, s]))
  assertItemsSellable(input, catalogue)
  const entry = (sku: string) => catalogue.get(sku) as SellableSku
  const priced = await priceCart(
    deps.pricing,
    {
      lines: merged.map((m) => {
        const { sku, title, options, unitPrice } = entry(m.sku)
        return { sku, title, options, unitPrice, quantity: m.quantity }
      }),
      discountCode: input.discountCode,
      shippingCountry: input.shippingAddress.country,
      customerId,
      settings,
    },
    { discountCode: 'discountCode', shippingCountry: 'shippingAddress.country' },
  )
  // Refuse early from what we read; the conditional update stays the real guard.
  const short = merged.filter((m) => entry(m.sku).available < m.quantity)
  if (short.length > 0) {
    throw insufficientStock(short.map((m) => ({ sku: m.sku, requested: m.quantity, available: entry(m.sku).available })))
  }
  const reservations = sortBySku(merged).map((m) => ({
    ...m,
    lowStockThreshold: entry(m.sku).lowStockThreshold,
  }))
  const quote: CheckoutQuote = {
    lines: priced.lines.map((l) => ({ ...l, available: entry(l.sku).available, inStock: true })),
    adjustments: priced.adjustments,
    totals: priced.totals,
    problems: [],
  }
  return { input, settings, provider, priced, quote, reservations }
}
