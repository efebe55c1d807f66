import { shortageMessage } from '../cms/apiErrors'
import { formatPrice } from '../money'
import type { CartItem } from './cartItems'

// POST /api/cart/quote answers with priced lines, totals and a list of problems; this reads it
// defensively so a line the CMS could not price still shows, with its problem beside it.

export interface QuoteTotals {
  subtotal: number
  discount: number
  shipping: number
  vat: number
  total: number
}

export interface QuoteLine {
  sku: string
  title: string
  options: { name: string; value: string }[]
  quantity: number
  unitPrice: number | null
  lineTotal: number | null
  problem: string | null
  /** The unit price shown when the line was added, and the price now, when they differ. */
  priceChange: { was: number; now: number } | null
}

export interface Quote {
  lines: QuoteLine[]
  totals: QuoteTotals | null
  /** Problems not tied to one line or to the discount code (e.g. a country the shop does not ship to). */
  problems: string[]
  /** The discount the code took off, as the CMS labelled it ("Discount code SAVE10 (10 % off)"). */
  discount: { label: string; amount: number } | null
  /** Why the code was refused (unknown, expired, minimum spend…); the cart is priced without it. */
  codeProblem: string | null
}

type Loose = { [key: string]: unknown }
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : [])
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null)

function problemText(p: Loose): string {
  const available = int(p.available)
  if (available !== null && (p.code === undefined || /stock|available|short/i.test(String(p.code)))) return shortageMessage(available)
  return typeof p.message === 'string' && p.message ? p.message : 'Not available'
}

function problemSku(p: Loose, items: readonly CartItem[]): string | null {
  if (typeof p.sku === 'string') return p.sku.toUpperCase()
  const index = /^items\.(\d+)/.exec(String(p.field ?? ''))?.[1]
  return index !== undefined ? (items[Number(index)]?.sku ?? null) : null
}

function totalsOf(value: unknown): QuoteTotals | null {
  const t = (value && typeof value === 'object' ? value : {}) as Loose
  const [subtotal, discount, shipping, vat, total] = [t.subtotal, t.discount ?? 0, t.shipping, t.vat, t.total].map(int)
  if (subtotal === null || shipping === null || vat === null || total === null) return null
  return { subtotal, discount: discount ?? 0, shipping, vat, total }
}

export function normaliseQuote(data: unknown, items: readonly CartItem[]): Quote {
  const body = (data && typeof data === 'object' ? data : {}) as Loose
  const priced = new Map(list(body.lines ?? body.items).map((l) => [String(l.sku).toUpperCase(), l]))
  const bySku = new Map<string, string>()
  const general: string[] = []
  let codeProblem: string | null = null
  for (const p of list(body.problems)) {
    if (p.field === 'discountCode') {
      codeProblem ??= problemText(p)
      continue
    }
    const sku = problemSku(p, items)
    if (sku && !bySku.has(sku)) bySku.set(sku, problemText(p))
    else if (!sku) general.push(problemText(p))
  }
  const lines = items.map((item): QuoteLine => {
    const line = priced.get(item.sku) ?? {}
    const available = int(line.available)
    const short = available !== null && available < item.quantity ? shortageMessage(available) : null
    const unitPrice = int(line.unitPrice)
    const changed = unitPrice !== null && item.seenPrice !== undefined && item.seenPrice !== unitPrice
    return {
      sku: item.sku,
      title: typeof line.title === 'string' ? line.title : item.sku,
      options: list(line.options).map((o) => ({ name: String(o.name), value: String(o.value) })),
      quantity: item.quantity,
      unitPrice,
      lineTotal: int(line.lineTotal),
      problem: bySku.get(item.sku) ?? short ?? (priced.size > 0 && !priced.has(item.sku) ? 'Not available' : null),
      priceChange: changed ? { was: item.seenPrice as number, now: unitPrice } : null,
    }
  })
  return { lines, totals: totalsOf(body.totals), problems: general, discount: discountOf(body.adjustments), codeProblem }
}

/** The first adjustment that takes money off: the code's discount. */
function discountOf(adjustments: unknown): Quote['discount'] {
  const off = list(adjustments).find((a) => (int(a.amount) ?? 0) < 0)
  if (!off) return null
  return { label: typeof off.label === 'string' && off.label ? off.label : 'Discount', amount: -(int(off.amount) as number) }
}

/** "The price has gone down from £67.00 to £65.00 since you added it." */
export function priceChangeMessage(change: { was: number; now: number }): string {
  const direction = change.now > change.was ? 'gone up' : 'gone down'
  return `The price has ${direction} from ${formatPrice(change.was)} to ${formatPrice(change.now)} since you added it.`
}

export function hasPriceChanges(quote: Quote): boolean {
  return quote.lines.some((l) => l.priceChange !== null)
}

export function hasProblems(quote: Quote): boolean {
  return quote.problems.length > 0 || quote.lines.some((l) => l.problem !== null)
}
