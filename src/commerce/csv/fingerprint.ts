import { createHash } from 'node:crypto'

import type { CatalogueSnapshot } from './types'

const sorted = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

/**
 * A digest of the data a plan was made from (the file's products and SKUs, and the categories and media it names):
 * a different digest at apply time means the shop changed since the preview.
 */
export function snapshotFingerprint(snapshot: CatalogueSnapshot): string {
  const data = [sorted(snapshot.products), sorted(snapshot.stock), sorted(snapshot.categories), sorted(snapshot.media)]
  return createHash('sha256').update(JSON.stringify(data)).digest('hex')
}
