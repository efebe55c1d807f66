import type { Payload, PayloadRequest } from 'payload'

import { toSellable, type ProductForSale } from '../../commerce/sellable'
import type { SellableSku, StoreSettings } from '../../commerce/workflows/ports'
import { DEFAULT_HOLD_LIMITS, type HoldLimits } from '../../commerce/holds'
import type { ReadCache } from '../cache'

type ProductDoc = ProductForSale & { id: number | string }

/**
 * The store settings every quote and checkout prices with, kept in the read cache under the store-settings
 * version: a save in the admin bumps it once committed (plugins/cacheInvalidation), here at once and on other
 * instances through Redis, so the next quote reads the new settings. Without a cache (CACHE_ENABLED=false: the
 * caller passes null), or without a trustworthy one (Redis set but away), it reads the database every time.
 */
export async function loadSettings(payload: Payload, req: PayloadRequest, cache: ReadCache | null): Promise<StoreSettings> {
  if (!cache) return readSettings(payload, req)
  const key = cache.keyFor('settings', 'commerce:store-settings')
  if (!key) return readSettings(payload, req)
  const entry =
    cache.memory(key) ??
    (await cache.fill(key, async () => {
      const body = Buffer.from(JSON.stringify(await readSettings(payload, req)))
      return { status: 200, headers: {}, body, size: body.length }
    }))
  return entry ? (JSON.parse(entry.body.toString('utf8')) as StoreSettings) : readSettings(payload, req)
}

async function readSettings(payload: Payload, req: PayloadRequest): Promise<StoreSettings> {
  const s = await payload.findGlobal({
    slug: 'store-settings',
    req,
    overrideAccess: true,
    depth: 0,
    select: { storeName: true, vatRate: true, reservationMinutes: true, manualPaymentHoldDays: true, shipping: true, holds: true },
  })
  return {
    storeName: s.storeName ?? 'Ipswich Retail',
    currency: 'GBP',
    pricesIncludeVat: true,
    vatRate: s.vatRate ?? 20,
    reservationMinutes: s.reservationMinutes ?? 30,
    manualPaymentHoldDays: s.manualPaymentHoldDays ?? 7,
    // A limit left empty in the admin falls back to its default, never to "no limit".
    holds: Object.fromEntries(
      Object.entries(DEFAULT_HOLD_LIMITS).map(([name, fallback]) => [name, (s as { holds?: Record<string, number | null> }).holds?.[name] ?? fallback]),
    ) as unknown as HoldLimits,
    shipping: {
      flatRate: s.shipping?.flatRate ?? 0,
      freeOver: s.shipping?.freeOver ?? null,
      countries: (s.shipping?.countries as string[] | undefined) ?? ['GB'],
    },
  } as StoreSettings
}

// Every quote and checkout reads these: `select` keeps Payload from loading (and joining) the fields pricing never
// looks at, such as descriptions, images, categories and SEO.
export async function findSellable(payload: Payload, req: PayloadRequest, skus: readonly string[]): Promise<SellableSku[]> {
  if (skus.length === 0) return []
  const rows = await payload.find({
    collection: 'inventory',
    where: { sku: { in: [...skus] } },
    limit: skus.length,
    depth: 0,
    pagination: false,
    select: { sku: true, product: true, available: true, lowStockThreshold: true },
    overrideAccess: true,
    req,
  })
  const productIds = [...new Set(rows.docs.map((r) => r.product).filter((id) => id != null))]
  const products = productIds.length
    ? await payload.find({
        collection: 'products',
        where: { id: { in: productIds as (number | string)[] } },
        limit: productIds.length,
        depth: 0,
        pagination: false,
        select: { title: true, price: true, sku: true, _status: true, variants: true },
        draft: false,
        overrideAccess: true,
        req,
      })
    : { docs: [] }
  const byId = new Map(products.docs.map((p) => [p.id, p as unknown as ProductDoc]))
  return rows.docs.map((row) =>
    toSellable(row.sku, byId.get(row.product as number), {
      available: row.available ?? 0,
      threshold: row.lowStockThreshold ?? 0,
    }),
  )
}
