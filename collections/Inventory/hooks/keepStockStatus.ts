import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { stockStatusOf } from '../../../src/commerce/stockStatus'
import { refreshStockStatus } from '../../../src/infra/commerce/stockStatusSql'

type Row = { available?: number | null; lowStockThreshold?: number | null }

const figure = (data: Row, original: Row | undefined, key: keyof Row) => (data[key] !== undefined ? data[key] : original?.[key])

// The status is stored so the list can filter by it; nobody types it, it follows the figures.
export const setStockStatus: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  data.stockStatus = stockStatusOf(Number(figure(data, originalDoc, 'available') ?? 0), figure(data, originalDoc, 'lowStockThreshold'))
  return data
}

// A sale may land between this form's read and its write: recompute from the row as committed with this change.
export const refreshStockStatusAfterEdit: CollectionAfterChangeHook = async ({ doc, req, operation }) => {
  if (operation === 'update') await refreshStockStatus(req.payload, req, doc.id)
  return doc
}
