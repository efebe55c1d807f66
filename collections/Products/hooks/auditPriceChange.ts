import type { CollectionAfterChangeHook } from 'payload'

import { formatGBP } from '../../../src/commerce/money'
import { recordAudit } from '../../../src/infra/audit'

type Priced = { price?: number | null; sku?: string | null; variants?: { sku?: string | null; price?: number | null }[] | null }

/** Each price that moved: the product's own and each variant's (by SKU), before → after. */
export function priceChanges(before: Priced | null | undefined, after: Priced): { what: string; from: number | null; to: number | null }[] {
  const changes: { what: string; from: number | null; to: number | null }[] = []
  if ((before?.price ?? null) !== (after.price ?? null)) changes.push({ what: after.sku || 'price', from: before?.price ?? null, to: after.price ?? null })
  const old = new Map((before?.variants ?? []).map((v) => [v.sku, v.price ?? null]))
  for (const variant of after.variants ?? []) {
    if (old.has(variant.sku) && old.get(variant.sku) !== (variant.price ?? null))
      changes.push({ what: String(variant.sku), from: old.get(variant.sku) ?? null, to: variant.price ?? null })
  }
  return changes
}

const money = (pence: number | null) => (pence == null ? 'none' : formatGBP(pence))

// A price edit by staff or an API key, on the save's own transaction (drafts included: a draft price is a decision too).
export const auditPriceChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context?.seed || !req.user) return doc
  const changes = priceChanges(previousDoc, doc)
  if (changes.length === 0) return doc
  await recordAudit(req.payload, {
    action: 'product.price_changed',
    target: { collection: 'products', id: doc.id },
    summary: `${doc.title}: ${changes.map((c) => `${c.what} ${money(c.from)} → ${money(c.to)}`).join('; ')}`,
    details: { changes, status: doc._status ?? null },
    req,
  })
  return doc
}
