import type { Payload, PayloadRequest } from 'payload'

import { toSellable, type ProductForSale } from '../../commerce/sellable'
import type { SellableSku, StoreSettings } from '../../commerce/workflows/ports'
import { DEFAULT_HOLD_LIMITS, type HoldLimits } from '../../commerce/holds'
import type { ReadCache } from '../cache'
import { queryRows, sql } from '../sql'

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

type Num = number | string | null

/**
 * Every quote and checkout reads these: two plain SELECTs (the SKUs' stock rows with their products, then those
 * products' variants and options) on the request's transaction. Payload's find of inventory then of products (with
 * `draft: false`, which reads these same columns of the main table) cost a Payload operation each, a drizzle
 * relational query and the products' afterRead hooks, among them a stock read no caller used.
 */
export async function findSellable(payload: Payload, req: PayloadRequest, skus: readonly string[]): Promise<SellableSku[]> {
  if (skus.length === 0) return []
  const rows = await queryRows<{
    sku: string
    available: Num
    low_stock_threshold: Num
    product_id: number | null
    title: string | null
    price: Num
    product_sku: string | null
    status: string | null
  }>(
    payload,
    req,
    sql`SELECT i.sku, i.available, i.low_stock_threshold, p.id AS product_id, p.title, p.price, p.sku AS product_sku, p._status AS status
        FROM inventory i LEFT JOIN products p ON p.id = i.product_id
        WHERE i.sku IN (${sql.join(
          skus.map((sku) => sql`${sku}`),
          sql`, `,
        )})`,
  )
  const productIds = [...new Set(rows.map((r) => r.product_id).filter((id): id is number => id != null))]
  const variants = await productVariants(payload, req, productIds)
  const products = new Map<number, ProductForSale>()
  for (const row of rows) {
    if (row.product_id == null || products.has(Number(row.product_id))) continue
    const id = Number(row.product_id)
    products.set(id, { title: row.title ?? '', price: Number(row.price ?? 0), sku: row.product_sku, _status: row.status, variants: variants.get(id) ?? [] })
  }
  return rows.map((row) =>
    toSellable(row.sku, row.product_id == null ? undefined : products.get(Number(row.product_id)), {
      available: Number(row.available ?? 0),
      threshold: Number(row.low_stock_threshold ?? 0),
    }),
  )
}

type Variant = NonNullable<ProductForSale['variants']>[number]

/** The variants of these products in their order, each with its options in theirs. */
async function productVariants(payload: Payload, req: PayloadRequest, productIds: number[]): Promise<Map<number, Variant[]>> {
  const byProduct = new Map<number, Variant[]>()
  if (productIds.length === 0) return byProduct
  const rows = await queryRows<{
    product_id: number
    variant_id: string
    sku: string | null
    title: string | null
    price: Num
    name: string | null
    value: string | null
  }>(
    payload,
    req,
    sql`SELECT v._parent_id AS product_id, v.id AS variant_id, v.sku, v.title, v.price, o.name, o.value
        FROM products_variants v LEFT JOIN products_variants_options o ON o._parent_id = v.id
        WHERE v._parent_id IN (${sql.join(
          productIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        ORDER BY v._parent_id, v._order, o._order`,
  )
  const seen = new Map<string, Variant>()
  for (const row of rows) {
    let variant = seen.get(row.variant_id)
    if (!variant) {
      variant = { sku: row.sku, title: row.title, price: row.price == null ? null : Number(row.price), options: [] }
      seen.set(row.variant_id, variant)
      const id = Number(row.product_id)
      byProduct.set(id, [...(byProduct.get(id) ?? []), variant])
    }
    if (row.name != null && row.value != null) variant.options!.push({ name: row.name, value: row.value })
  }
  return byProduct
}
