import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'
import type { Logger } from 'pino'

import { remember } from '../infra/memo'
import { catalogueOrder, forgetRenderedProducts, readCatalogueBySlug, readCatalogueWindow, type CatalogueRow } from '../infra/search/catalogue'
import { fillStock, renderUnrendered, splitRendering } from '../infra/search/renderCatalogue'
import { readAvailable } from '../infra/stock'
import { graphQLAnswer, graphQLContentType, NotProjectable, parseGraphQLCatalogueQuery, projectDocument, type GraphQLCatalogueQuery } from './catalogueGraphQL'
import { parseCatalogueQuery, type CatalogueQuery } from './catalogueQuery'

const RENDER_BATCH = 50

type Envelope = Record<'hasNextPage' | 'hasPrevPage' | 'limit' | 'nextPage' | 'page' | 'pagingCounter' | 'prevPage' | 'totalDocs' | 'totalPages', unknown>
const SKU_CHUNK = 500
// Projections of documents for GraphQL selections kept in memory: at most this many selections, and this many
// documents for each (a few MB: each entry is keyed by a rendering of a few KB).
const PROJECTION_SELECTIONS = 8
const PROJECTIONS_PER_SELECTION = 500

type Rendering = NonNullable<ReturnType<typeof splitRendering>>
/** Every SKU whose stock figure the renderings show: products' totals and variants' own. */
const skusOf = (parts: Rendering[]) => [...new Set(parts.flatMap((p) => [...p.slots.skus, ...p.slots.variants.filter((s): s is string => !!s)]))]

export type CatalogueReads = {
  /** Answers an anonymous product read from the read model; false when Payload must (the request is untouched). */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<boolean>
  /** Answers an anonymous GraphQL `Products` listing (the POST body) it can answer exactly; false when Payload must. */
  serveGraphQL(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<boolean>
  /** Starts rendering every product not rendered yet, in the background. */
  backfill(): void
  /** Settles when no rendering is under way (tests, shutdown). */
  idle(): Promise<void>
  stop(): void
}

// A window whose neighbours share the sort key has no one order: Payload's database may return the tie either way.
const totalOrder = (rows: CatalogueRow[]) => rows.every((r, i) => i === 0 || r.keys.join('\u0001') !== rows[i - 1]!.keys.join('\u0001'))

async function stockOf(payload: Payload, skus: string[]): Promise<Map<string, number>> {
  const stock = new Map<string, number>()
  for (let i = 0; i < skus.length; i += SKU_CHUNK) {
    for (const [sku, n] of await readAvailable(payload, undefined, skus.slice(i, i + SKU_CHUNK))) stock.set(sku, n)
  }
  return stock
}

/**
 * The catalogue read model's server side (docs/performance.md): anonymous listings and slug look-ups of published
 * products at depth 1 answered from the rendered documents in the search index, with stock read fresh, in the same
 * bytes as Payload's answer. A row not rendered yet sends the request to Payload and is rendered in the background.
 */
export function createCatalogueReads({ payload, maxLimit, logger }: { payload: Payload; maxLimit: number; logger: Logger }): CatalogueReads {
  const wanted = new Set<number>()
  let running: Promise<void> | null = null
  let stopped = false

  async function renderLoop(): Promise<void> {
    while (!stopped) {
      const first = [...wanted].slice(0, RENDER_BATCH)
      first.forEach((id) => wanted.delete(id))
      const { found, stored } = await renderUnrendered(payload, RENDER_BATCH, first.length > 0 ? first : undefined)
      if (first.length === 0 && (found === 0 || stored === 0)) return
      // Between batches, requests get the event loop.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  const render = (ids: number[]) => {
    ids.forEach((id) => wanted.add(id))
    running ??= renderLoop()
      .catch((err: Error) => logger.warn({ err: { message: err.message } }, 'Catalogue read model: rendering failed'))
      .finally(() => {
        running = null
      })
  }

  async function rowsFor(q: CatalogueQuery): Promise<{ rows: CatalogueRow[]; totalDocs: number } | null> {
    if (q.kind === 'slug') {
      const rows = await readCatalogueBySlug(payload, q.slug)
      return rows.length === 1 ? { rows, totalDocs: 1 } : null
    }
    const offset = (q.page - 1) * q.limit
    const from = Math.max(0, offset - 1)
    // One row either side of the page, to see that its edges are not ties.
    const window = await readCatalogueWindow(payload, catalogueOrder(q.field, q.descending), from, q.limit + (offset - from) + 1)
    const rows = window.slice(offset - from, offset - from + q.limit)
    return rows.length > 0 && totalOrder(window) ? { rows, totalDocs: rows[0]!.total } : null
  }

  /** The page's stored renderings (stock not filled in yet) and Payload's paginated envelope, key for key (drizzle's findMany). */
  async function page(q: CatalogueQuery): Promise<{ parts: Rendering[]; envelope: Envelope } | null> {
    const found = await rowsFor(q)
    if (!found) return null
    const missing = found.rows.filter((r) => r.doc === null).map((r) => r.id)
    if (missing.length > 0) {
      render(missing)
      return null
    }
    const renderings = found.rows.map((r) => splitRendering(r.doc!))
    const unusable = found.rows.filter((_r, i) => renderings[i] === null).map((r) => r.id)
    if (unusable.length > 0) {
      // Written by an older version of this code: emptied and rendered again.
      await forgetRenderedProducts(payload, undefined, unusable)
      render(unusable)
      return null
    }
    const parts = renderings as Rendering[]
    const pageNo = q.kind === 'list' ? q.page : 1
    const totalPages = Math.ceil(found.totalDocs / q.limit)
    const hasPrevPage = pageNo > 1
    const hasNextPage = totalPages > pageNo
    const envelope: Envelope = {
      hasNextPage,
      hasPrevPage,
      limit: q.limit,
      nextPage: hasNextPage ? pageNo + 1 : null,
      page: pageNo,
      pagingCounter: (pageNo - 1) * q.limit + 1,
      prevPage: hasPrevPage ? pageNo - 1 : null,
      totalDocs: found.totalDocs,
      totalPages,
    }
    return { parts, envelope }
  }

  async function answer(q: CatalogueQuery): Promise<Buffer | null> {
    const found = await page(q)
    if (!found) return null
    const stock = await stockOf(payload, skusOf(found.parts))
    // The documents' JSON, stock filled in, spliced into the envelope.
    return Buffer.from(`{"docs":[${found.parts.map((p) => fillStock(p, stock)).join(',')}],${JSON.stringify(found.envelope).slice(1)}`)
  }

  // A document's projection for one GraphQL selection, kept by the exact stored rendering it came from: a product's
  // edit changes its rendering, so an entry can never be stale; stock markers stay in it and are filled per read.
  const projections = new Map<string, Map<string, string>>()
  const projectionOf = (q: GraphQLCatalogueQuery, json: string): string =>
    remember(
      remember(projections, q.docsKey, () => new Map<string, string>(), PROJECTION_SELECTIONS),
      json,
      () => projectDocument(q, json),
      PROJECTIONS_PER_SELECTION,
    )

  async function graphQLAnswerOf(q: GraphQLCatalogueQuery): Promise<Buffer | null> {
    const found = await page(q.query)
    if (!found) return null
    let projected: string[]
    try {
      projected = found.parts.map((p) => projectionOf(q, p.json))
    } catch (err) {
      if (err instanceof NotProjectable) return null
      throw err
    }
    // Stock is read only when the selection shows it.
    if (q.needsStock) {
      const stock = await stockOf(payload, skusOf(found.parts))
      projected = projected.map((json, i) => fillStock({ slots: found.parts[i]!.slots, json }, stock))
    }
    return Buffer.from(graphQLAnswer(q, found.envelope, projected))
  }

  const send = (res: ServerResponse, body: Buffer, contentType: string) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length, 'x-read-model': 'hit' })
    res.end(body)
  }
  const attempt = async (what: () => Promise<Buffer | null>): Promise<Buffer | null> => {
    try {
      return await what()
    } catch (err) {
      logger.warn({ err: { message: (err as Error).message } }, 'Catalogue read model: read failed; Payload answers')
      return null
    }
  }

  return {
    async serve(req, res, pathname, search) {
      if (req.method !== 'GET' || pathname !== '/api/products') return false
      const q = parseCatalogueQuery(search, maxLimit)
      if (!q) return false
      const body = await attempt(() => answer(q))
      if (!body) return false
      send(res, body, 'application/json')
      return true
    },
    async serveGraphQL(req, body, res) {
      if (!req.headers['content-type']?.toLowerCase().startsWith('application/json')) return false
      const contentType = graphQLContentType(req.headers.accept)
      const q = contentType ? parseGraphQLCatalogueQuery(body.toString('utf8'), maxLimit) : null
      if (!q) return false
      const answered = await attempt(() => graphQLAnswerOf(q))
      if (!answered) return false
      send(res, answered, contentType!)
      return true
    },
    backfill: () => render([]),
    idle: async () => {
      while (running) await running
    },
    stop: () => {
      stopped = true
    },
  }
}

/** The read model when it is on (READ_MODEL_ENABLED) and the search plugin, whose hooks keep its rows current, runs. */
export function catalogueReadsFor(payload: Payload, settings: { READ_MODEL_ENABLED: boolean; API_MAX_LIMIT: number }, logger: Logger) {
  const searchHooks = (payload.config.custom as { catalogueReadModel?: boolean } | undefined)?.catalogueReadModel === true
  return settings.READ_MODEL_ENABLED && searchHooks ? createCatalogueReads({ payload, maxLimit: settings.API_MAX_LIMIT, logger }) : undefined
}
