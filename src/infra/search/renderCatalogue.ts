import { createLocalReq, type Payload } from 'payload'

import { productSkus } from '../../commerce/sku'
import { storeRenderedProducts, unrenderedProducts } from './catalogue'

type Variant = { sku?: string | null; available?: unknown }
type Doc = { sku?: string | null; variants?: Variant[] | null; available?: unknown }

// Stock changes far more often than a product: a rendering keeps a marker where each `available` figure goes, and a
// read writes the current figures in. The NUL byte (escaped as \u0000 in JSON) never occurs in catalogue text.
const MARK = '\u0000available:'
const MARKED = /"\\u0000available:(t|\d+)"/g

/** What a rendering needs at read time: the SKUs of the product's total, and each variant's SKU (null: no figure). */
export type StockSlots = { skus: string[]; variants: (string | null)[] }

/**
 * A rendered product as stored: a first line with its stock slots, then Payload's JSON with markers for the
 * `available` figures, set exactly where the products hook (collections/Products/hooks/addAvailableStock.ts) sets
 * them. Null when a marker cannot be placed unambiguously.
 */
export function markStock(doc: Doc): string | null {
  const skus = productSkus(doc)
  const variants = (doc.variants ?? []).map((v) => (v?.sku ? v.sku : null))
  let expected = 0
  if (skus.length > 0) {
    doc.available = `${MARK}t`
    expected++
    ;(doc.variants ?? []).forEach((v, i) => {
      if (v?.sku) {
        v.available = `${MARK}${i}`
        expected++
      }
    })
  }
  const json = JSON.stringify(doc)
  if ((json.match(MARKED) ?? []).length !== expected) return null
  return `${JSON.stringify({ skus, variants } satisfies StockSlots)}\n${json}`
}

/** A stored rendering's slots and JSON, or null when it is not one this code wrote. */
export function splitRendering(text: string): { slots: StockSlots; json: string } | null {
  const at = text.indexOf('\n')
  if (at === -1 || text[0] !== '{') return null
  const slots = JSON.parse(text.slice(0, at)) as Partial<StockSlots>
  if (!Array.isArray(slots.skus) || !Array.isArray(slots.variants)) return null
  return { slots: slots as StockSlots, json: text.slice(at + 1) }
}

/** The JSON with the stock figures written in: a product's total over its SKUs, each variant's own (0 when unknown). */
export function fillStock({ slots, json }: { slots: StockSlots; json: string }, stock: ReadonlyMap<string, number>): string {
  return json.replace(MARKED, (_m, slot: string) =>
    String(slot === 't' ? slots.skus.reduce((sum, sku) => sum + (stock.get(sku) ?? 0), 0) : (stock.get(slots.variants[Number(slot)] ?? '') ?? 0)),
  )
}

/**
 * These published products as Payload answers an anonymous REST list read at depth 1: the same operation, access
 * and hooks as `GET /api/products?depth=1`, run through the Local API without a user.
 */
export async function renderProducts(payload: Payload, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const req = await createLocalReq({}, payload)
  req.payloadAPI = 'REST'
  const result = await payload.find({
    collection: 'products',
    where: { id: { in: [...ids] } },
    depth: 1,
    overrideAccess: false,
    pagination: false,
    req,
  })
  const rendered = new Map<number, string>()
  for (const doc of result.docs) {
    const text = markStock(doc as Doc)
    if (text !== null) rendered.set(Number(doc.id), text)
  }
  return rendered
}

/** Renders up to `batch` unrendered products (these ids first, when given); answers how many were stored. */
export async function renderUnrendered(payload: Payload, batch: number, ids?: readonly number[]): Promise<{ found: number; stored: number }> {
  const rows = await unrenderedProducts(payload, batch, ids)
  if (rows.length === 0) return { found: 0, stored: 0 }
  const rendered = await renderProducts(
    payload,
    rows.map((r) => r.id),
  )
  const entries = rows.flatMap((r) => {
    const doc = rendered.get(r.id)
    return doc === undefined ? [] : [{ ...r, doc }]
  })
  return { found: rows.length, stored: await storeRenderedProducts(payload, entries) }
}
