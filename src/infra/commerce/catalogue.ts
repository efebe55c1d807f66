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

type SellableRow = {
  sku: string
  available: Num
  low_stock_threshold: Num
  product_id: number | null
  title: string | null
  price: Num
  product_sku: string | null
  status: string | null
  variant_id: string | null
  variant_sku: string | null
  variant_title: string | null
  variant_price: Num
  name: string | null
  value: string | null
}

type Variant = NonNullable<ProductForSale['variants']>[number]

/**
 * Every quote and checkout reads these: one plain SELECT on the request's transaction of the SKUs' stock rows, their
 * products' main-table columns (what `draft: false` reads) and those products' variants and options in their order
 * (one row per option; a product is read from the rows of its first SKU). Payload's find of inventory then of
 * products cost a Payload operation each, a drizzle relational query and the products' afterRead hooks, among them a
 * stock read no caller used.
 */
export async function findSellable(payload: Payload, req: PayloadRequest, skus: readonly string[]): Promise<SellableSku[]> {
  if (skus.length === 0) return []
  const rows = await queryRows<SellableRow>(
    payload,
    req,
    sql`SELECT i.sku, i.available, i.low_stock_threshold, p.id AS product_id, p.title, p.price, p.sku AS product_sku, p._status AS status,
          v.id AS variant_id, v.sku AS variant_sku, v.title AS variant_title, v.price AS variant_price, o.name, o.value
        FROM inventory i LEFT JOIN products p ON p.id = i.product_id
          LEFT JOIN products_variants v ON v._parent_id = p.id LEFT JOIN products_variants_options o ON o._parent_id = v.id
        WHERE i.sku IN (${sql.join(
          skus.map((sku) => sql`${sku}`),
          sql`, `,
        )})
        ORDER BY i.sku, v._order, o._order`,
  )
  const stock = new Map<string, SellableRow>()
  const products = new Map<number, { from: string; product: ProductForSale; variants: Map<string, Variant> }>()
  for (const row of rows) {
    if (!stock.has(row.sku)) stock.set(row.sku, row)
    if (row.product_id == null) continue
    const id = Number(row.product_id)
    let entry = products.get(id)
    if (!entry) {
      const product = { title: row.title ?? '', price: Number(row.price ?? 0), sku: row.product_sku, _status: row.status, variants: [] }
      entry = { from: row.sku, product, variants: new Map() }
      products.set(id, entry)
    }
    if (entry.from !== row.sku || row.variant_id == null) continue
    let variant = entry.variants.get(row.variant_id)
    if (!variant) {
      variant = { sku: row.variant_sku, title: row.variant_title, price: row.variant_price == null ? null : Number(row.variant_price), options: [] }
      entry.variants.set(row.variant_id, variant)
      entry.product.variants!.push(variant)
    }
    if (row.name != null && row.value != null) variant.options!.push({ name: row.name, value: row.value })
  }
  return [...stock.values()].map((row) =>
    toSellable(row.sku, row.product_id == null ? undefined : products.get(Number(row.product_id))?.product, {
      available: Number(row.available ?? 0),
      threshold: Number(row.low_stock_threshold ?? 0),
    }),
  )
}
