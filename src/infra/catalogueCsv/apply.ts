import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import {
  applyStockChanges,
  type CatalogueProduct,
  type CatalogueSnapshot,
  type ImportFile,
  type ImportPlan,
  planImport,
  snapshotQuery,
} from '../../commerce/csv'
import { conflict } from '../../commerce/errors'
import { publishAll } from '../../commerce/events'
import { webhookEventsFor } from '../../commerce/webhooks/events'
import { stockEvents } from '../../commerce/workflows/stockSteps'
import { payloadCommerceStore } from '../commerce/store'
import { events } from '../events'
import { reindexProducts } from '../search/indexer'
import { queueWebhookEvents } from '../webhooks/queue'
import { loadSnapshot } from './snapshot'

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

/** Writes the plan's products; returns their ids. */
async function writeProducts(payload: Payload, req: PayloadRequest, plan: ImportPlan, snapshot: CatalogueSnapshot, onProgress: (n: number) => void) {
  const ids: Id[] = []
  for (const change of plan.products) {
    const data = productData(change.product, change.changed, snapshot)
    const common = { collection: 'products', req, overrideAccess: true, depth: 0, context: CONTEXT, data }
    if (change.action === 'create') {
      ids.push((await payload.create({ ...common, draft: change.product.status === 'draft' } as Parameters<Payload['create']>[0])).id)
    } else {
      await payload.update({ ...common, id: change.id } as Parameters<Payload['update']>[0])
      if (change.id !== undefined) ids.push(change.id)
    }
    onProgress(1)
  }
  return ids
}

async function writeThresholds(payload: Payload, req: PayloadRequest, plan: ImportPlan, onProgress: (n: number) => void) {
  const byValue = new Map<number, string[]>()
  for (const t of plan.thresholds) byValue.set(t.to, [...(byValue.get(t.to) ?? []), t.sku])
  for (const [value, skus] of byValue) {
    await payload.update({
      collection: 'inventory',
      where: { sku: { in: skus } },
      data: { lowStockThreshold: value },
      req,
      overrideAccess: true,
      depth: 0,
      context: { ...CONTEXT, workflowWrite: true },
    })
    onProgress(skus.length)
  }
}

/**
 * Applies a previewed file in ONE transaction: products through the Local API (so their hooks, versions and
 * revalidation run as for an admin save), stock through the ledger, thresholds on the stock rows. Any failure rolls
 * everything back. Stock events go out after the commit, as for a staff adjustment.
 */
export async function applyImport(payload: Payload, file: ImportFile, options: ApplyOptions): Promise<AppliedImport> {
  const user = options.by === null ? undefined : await payload.findByID({ collection: 'users', id: options.by, depth: 0, overrideAccess: true })
  const req = await createLocalReq({ user: user ? { ...user, collection: 'users' } : undefined }, payload)
  await initTransaction(req)
  try {
    const snapshot = await loadSnapshot(payload, req, snapshotQuery(file))
    const planned = planImport(file, snapshot)
    if (planned.fingerprint !== options.fingerprint) throw conflict('preview_stale', 'The shop changed since this file was previewed: preview it again')
    if (planned.errorCount > 0) throw conflict('import_invalid', `The file has ${planned.errorCount} problems: fix them and preview again`)
    const { plan } = planned
    options.onPlan?.(plan)
    const productIds = await writeProducts(payload, req, plan, snapshot, options.onProgress)
    // The search plugin leaves an import's products to this one pass (in batches, inside the same transaction).
    await reindexProducts(payload, req, productIds)
    const tx = payloadCommerceStore(payload, req)
    const thresholds = new Map<string, number>()
    for (const [sku, row] of snapshot.stock) thresholds.set(sku, row.lowStockThreshold)
    for (const t of plan.thresholds) thresholds.set(t.sku, t.to)
    const note = `CSV import #${options.importId} (${options.fileName})`.slice(0, 250)
    const changes = await applyStockChanges(tx, plan.stock, { by: options.by, note, thresholds }, options.onProgress)
    await writeThresholds(payload, req, plan, options.onProgress)
    // Integrators hear of imported stock as of any other change, with deliveries that commit with it.
    await queueWebhookEvents(payload, req, webhookEventsFor(stockEvents(changes)))
    await commitTransaction(req)
    await publishAll(events(), stockEvents(changes))
    return { created: plan.summary.create, updated: plan.summary.update, stockChanges: plan.stock.length, thresholdChanges: plan.thresholds.length }
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
