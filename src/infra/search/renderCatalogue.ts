import { createLocalReq, type Payload } from 'payload'

import { storeRenderedProducts, unrenderedProducts } from './catalogue'

/**
 * These published products as Payload answers an anonymous REST list read at depth 1, one JSON text each: the
 * same operation, access and hooks as `GET /api/products?depth=1`, run through the Local API without a user.
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
  return new Map(result.docs.map((doc) => [Number(doc.id), JSON.stringify(doc)]))
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
