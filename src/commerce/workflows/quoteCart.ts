import { parseQuoteBody } from '../checkoutInput'
import type { QuoteInput } from '../checkoutInput'
import { isCommerceError } from '../errors'
import type { FieldProblem } from '../errors'
import { assertDiscountCodeKnown, assertShipsTo, priceCart, priceLines } from '../pricing'
import type { OrderTotals } from '../pricing'
import type { Adjustment, PricedLine } from '../pricingRegistry'
import { mergeItems } from '../stock'
import type { SkuQuantity } from '../stock'
import type { CommerceDeps, Id, SellableSku } from './ports'
import { assertMergedQuantities, itemProblem } from './prepareCheckout'

export interface QuoteLine extends PricedLine {
  available: number
  inStock: boolean
}

export interface QuoteProblem extends FieldProblem {
  /** A refused discount code keeps the code its step refused it with (`discount_expired`, …). */
  code: 'unavailable_sku' | 'insufficient_stock' | 'country_not_shipped' | 'unknown_discount_code' | `discount_${string}`
  sku?: string
  requested?: number
  available?: number
}

export interface Quote {
  lines: QuoteLine[]
  adjustments: Adjustment[]
  totals: OrderTotals
  problems: QuoteProblem[]
}

const EMPTY_TOTALS: OrderTotals = { subtotal: 0, discount: 0, shipping: 0, vat: 0, total: 0 }

/** Runs a check that may refuse; a refusal becomes a problem instead of an error. */
async function problemOf(check: () => unknown, code: QuoteProblem['code']): Promise<QuoteProblem | null> {
  try {
    await check()
    return null
  } catch (error) {
    if (!isCommerceError(error)) throw error
    const [first] = error.details as FieldProblem[]
    const own = error.code.startsWith('discount_') ? (error.code as QuoteProblem['code']) : code
    return { ...first, code: own }
  }
}

function stockProblem(line: QuoteLine, index: number): QuoteProblem {
  return {
    field: `items.${index}.quantity`,
    code: 'insufficient_stock',
    message: `only ${line.available} of "${line.sku}" in stock`,
    sku: line.sku,
    requested: line.quantity,
    available: line.available,
  }
}

function splitBuyable(input: QuoteInput, merged: SkuQuantity[], catalogue: Map<string, SellableSku>) {
  const indexOf = (sku: string) => input.items.findIndex((item) => item.sku === sku)
  const problems: QuoteProblem[] = []
  const buyable: SkuQuantity[] = []
  for (const m of merged) {
    const message = itemProblem(m.sku, catalogue.get(m.sku))
    if (message)
      problems.push({
        field: `items.${indexOf(m.sku)}.sku`,
        code: 'unavailable_sku',
        message,
        sku: m.sku,
      })
    else buyable.push(m)
  }
  return { buyable, problems, indexOf }
}

/** Prices a cart without writing anything: every problem is listed rather than thrown. */
export async function quoteCart(deps: CommerceDeps, body: unknown, customerId: Id | null = null): Promise<Quote> {
  const input = parseQuoteBody(body)
  const merged = mergeItems(input.items)
  assertMergedQuantities(input, merged)
  const [settings, sellable] = await Promise.all([deps.store.settings(), deps.store.findSellable(merged.map((m) => m.sku))])
  const catalogue = new Map(sellable.map((s) => [s.sku, s]))
  const { buyable, problems, indexOf } = splitBuyable(input, merged, catalogue)
  const entry = (sku: string) => catalogue.get(sku) as SellableSku
  const lines = priceLines(buyable.map((m) => ({ ...pick(entry(m.sku)), quantity: m.quantity })))
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0)
  const { shippingCountry, discountCode } = input
  const countryProblem = shippingCountry === undefined ? null : await problemOf(() => assertShipsTo(shippingCountry, settings), 'country_not_shipped')
  const context = { lines, subtotal, shippingCountry, customerId, previous: [] }
  const codeProblem =
    discountCode === undefined ? null : await problemOf(() => assertDiscountCodeKnown(deps.pricing, discountCode, context), 'unknown_discount_code')
  problems.push(...[countryProblem, codeProblem].filter((p): p is QuoteProblem => p !== null))
  if (lines.length === 0) return { lines: [], adjustments: [], totals: EMPTY_TOTALS, problems }
  const priced = await priceCart(deps.pricing, {
    lines,
    settings,
    customerId,
    shippingCountry: countryProblem ? undefined : shippingCountry,
    discountCode: codeProblem ? undefined : discountCode,
  })
  const quoted = priced.lines.map((l) => ({
    ...l,
    available: entry(l.sku).available,
    inStock: entry(l.sku).available >= l.quantity,
  }))
  const short = quoted.filter((l) => !l.inStock).map((l) => stockProblem(l, indexOf(l.sku)))
  return {
    lines: quoted,
    adjustments: priced.adjustments,
    totals: priced.totals,
    problems: [...problems, ...short],
  }
}

function pick({ sku, title, options, unitPrice }: SellableSku) {
  return { sku, title, options, unitPrice }
}
