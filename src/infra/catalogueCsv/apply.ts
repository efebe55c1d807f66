import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import {
  applyStockChanges,
  recordOpeningStock,
  type CatalogueProduct,
  type CatalogueSnapshot,
  type ImportFile,
  type ImportPlan,
  planImport,
  snapshotQuery,
} from '../../commerce/csv'
import { conflict } from '../../commerce/errors'
import type { CommerceEvent } from '../../commerce/events'
import { productWebhookEvent, webhookEventsFor, type WebhookEvent } from '../../commerce/webhooks/events'
import { stockEvents } from '../../commerce/workflows/stockSteps'
import { payloadCommerceStore } from '../commerce/store'
import { events } from '../events'
import { reindexProducts } from '../search/indexer'
import { queueWebhookEvents } from '../webhooks/queue'
import { createProducts, type NewSku, productSkuList } from './bulkCreate'
import { loadSnapshot } from './snapshot'
import { setThresholds } from './thresholds'

type Id = number | string

export interface ApplyOptions {
  importId: Id
  by: Id | null
  fileName: string
  /** The snapshot fingerprint the preview saw; a different one now means the shop changed since. */
  fingerprint: string
  /** Told the plan once it is made inside the transaction (for the progress total). */
  onPlan?: (plan: ImportPlan) => void
  onProgress: (done: number) => void
  /** Told how long each phase took (bench/import/profile.ts). */
  onPhase?: (phase: string, ms: number) => void
}

export interface AppliedImport {
  created: number
  updated: number
  stockChanges: number
  thresholdChanges: number
}

const CONTEXT = { csvImport: true }

/** The Payload data for a product the plan describes, limited to the fields that change. */
function productData(product: CatalogueProduct, changed: readonly (keyof CatalogueProduct)[], snapshot: CatalogueSnapshot) {
  const all: Record<string, unknown> = {
    title: product.title,
    slug: product.slug,
    _status: product.status,
    price: product.price,
    compareAtPrice: product.compareAtPrice,
    weight: product.weight,
    featured: product.featured,
    categories: product.categories.map((path) => snapshot.categories.get(path)),
    images: product.images.map((name) => snapshot.media.get(name)),
    sku: product.sku,
    variants: product.variants,
  }
  const keys = new Set<string>(changed.map((key) => (key === 'status' ? '_status' : key)))
  // A product's own SKU and its variants are one choice: send both when either changes.
  if (keys.has('sku') || keys.has('variants')) ['sku', 'variants'].forEach((k) => keys.add(k))
  return Object.fromEntries(Object.entries(all).filter(([key]) => keys.has(key) || key === 'slug'))
}

/** Total steps a plan takes, for the progress bar. */
export function planSteps(plan: ImportPlan): number {
  return plan.products.length + plan.stock.length + plan.thresholds.length
}

/** Updates the plan's existing products through the Local API (hooks, versions, validation as for an admin save). */
async function updateProducts(payload: Payload, req: PayloadRequest, plan: ImportPlan, snapshot: CatalogueSnapshot, onProgress: (n: number) => void) {
  const ids: Id[] = []
  for (const change of plan.products.filter((p) => p.action === 'update')) {
    const data = productData(change.product, change.changed, snapshot)
    await payload.update({ collection: 'products', req, overrideAccess: true, depth: 0, context: CONTEXT, data, id: change.id } as Parameters<
      Payload['update']
    >[0])
    if (change.id !== undefined) ids.push(change.id)
    onProgress(1)
  }
  return ids
}

/** The stock rows the plan's new products need, at the levels and thresholds the file gives. */
function newSkus(plan: ImportPlan, defaultThreshold: number): Map<string, NewSku> {
  const stock = new Map(plan.stock.map((s) => [s.sku, s.to]))
  const thresholds = new Map(plan.thresholds.map((t) => [t.sku, t.to]))
  const skus = new Map<string, NewSku>()
  for (const change of plan.products.filter((p) => p.action === 'create')) {
    for (const sku of productSkuList(change)) {
      const variantTitle = change.product.variants.find((v) => v.sku === sku)?.title ?? null
      skus.set(sku, {
        sku,
        title: change.product.title,
        variantTitle,
        available: stock.get(sku) ?? 0,
        lowStockThreshold: thresholds.get(sku) ?? defaultThreshold,
      })
    }
  }
  return skus
}

/** product.published for each new product that goes live, as the product hook queues for an admin create. */
function createdProductWebhooks(plan: ImportPlan, ids: readonly Id[]): WebhookEvent[] {
  const now = new Date().toISOString()
  return plan.products
    .filter((p) => p.action === 'create')
    .flatMap((change, i) => {
      const p = change.product
      const type = productWebhookEvent({ wasLive: false, isLive: p.status === 'published', savedStatus: p.status })
      return type ? [{ type, data: { id: ids[i], slug: p.slug, title: p.title, sku: p.sku, price: p.price, status: p.status, updatedAt: now } }] : []
    })
}

/** One event for the import as a whole: caches and storefront pages of its products and stock refresh once. */
function cataloguedEvent(productIds: readonly Id[], newSkus: string[], plan: ImportPlan): CommerceEvent[] {
  if (productIds.length === 0 && newSkus.length === 0 && plan.thresholds.length === 0) return []
  return [{ type: 'catalogue.imported', payload: { productIds: [...productIds], slugs: plan.products.map((p) => p.slug), newSkus } }]
}

const defaultThreshold = (payload: Payload): number => {
  const field = payload.collections.inventory.config.fields.find((f) => 'name' in f && f.name === 'lowStockThreshold')
  return Number((field as { defaultValue?: unknown } | undefined)?.defaultValue ?? 0)
}

/**
 * Applies a previewed file in ONE short transaction: new products in bulk (bulkCreate.ts), changed ones through the
 * Local API, the search index rebuilt for both, stock through the ledger, thresholds on the stock rows. Any failure
 * rolls everything back. Events go out after the commit (docs/csv-import.md, "How the apply is written").
 */
export async function applyImport(payload: Payload, file: ImportFile, options: ApplyOptions): Promise<AppliedImport> {
  const user = options.by === null ? undefined : await payload.findByID({ collection: 'users', id: options.by, depth: 0, overrideAccess: true })
  const req = await createLocalReq({ user: user ? { ...user, collection: 'users' } : undefined }, payload)
  await initTransaction(req)
  let mark = performance.now()
  const phase = (name: string) => {
    const now = performance.now()
    options.onPhase?.(name, now - mark)
    mark = now
  }
  try {
    const snapshot = await loadSnapshot(payload, req, snapshotQuery(file))
    phase('snapshot')
    const planned = planImport(file, snapshot)
    phase('plan')
    if (planned.fingerprint !== options.fingerprint) throw conflict('preview_stale', 'The shop changed since this file was previewed: preview it again')
    if (planned.errorCount > 0) throw conflict('import_invalid', `The file has ${planned.errorCount} problems: fix them and preview again`)
    const { plan } = planned
    options.onPlan?.(plan)
    const created = newSkus(plan, defaultThreshold(payload))
    const createdIds = await createProducts(
      payload,
      req,
      plan.products.filter((p) => p.action === 'create'),
      snapshot,
      created,
      () => options.onProgress(1),
    )
    phase('products created')
    const productIds = [...createdIds, ...(await updateProducts(payload, req, plan, snapshot, options.onProgress))]
    phase('products updated')
    // The search plugin leaves an import's products to this one pass (in batches, inside the same transaction).
    await reindexProducts(payload, req, productIds)
    phase('search')
    const tx = payloadCommerceStore(payload, req)
    const thresholds = new Map<string, number>()
    for (const [sku, row] of snapshot.stock) thresholds.set(sku, row.lowStockThreshold)
    for (const t of plan.thresholds) thresholds.set(t.sku, t.to)
    const note = `CSV import #${options.importId} (${options.fileName})`.slice(0, 250)
    const meta = { by: options.by, note, thresholds }
    // A new SKU's row was written at its level; its units enter the ledger here, one adjustment each, from 0.
    const opening = await recordOpeningStock(
      tx,
      plan.stock.filter((s) => created.has(s.sku)),
      meta,
      options.onProgress,
    )
    const adjusted = await applyStockChanges(
      tx,
      plan.stock.filter((s) => !created.has(s.sku)),
      meta,
      options.onProgress,
    )
    phase('stock')
    await setThresholds(
      payload,
      req,
      plan.thresholds.filter((t) => !created.has(t.sku)),
    )
    options.onProgress(plan.thresholds.length)
    phase('thresholds')
    // Integrators hear of imported stock and products as of any other change, with deliveries that commit with it.
    await queueWebhookEvents(payload, req, [...createdProductWebhooks(plan, createdIds), ...webhookEventsFor(stockEvents([...opening, ...adjusted]))])
    phase('webhooks')
    await commitTransaction(req)
    phase('commit')
    // Stock rows that existed tell their subscribers one by one, as for any adjustment; the new products and SKUs are
    // told once (cache versions, storefront pages): no one can wait on a SKU that did not exist, and search has them.
    await events().publishAll([...stockEvents(adjusted), ...cataloguedEvent(productIds, [...created.keys()], plan)])
    phase('events')
    return { created: plan.summary.create, updated: plan.summary.update, stockChanges: plan.stock.length, thresholdChanges: plan.thresholds.length }
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
