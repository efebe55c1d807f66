import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

// Stock moves only through atomic adjustments and checkouts, so a stale form can never overwrite a sale.
export const refuseDirectStockEdit: CollectionBeforeValidateHook = ({ data, operation, originalDoc, req, context }) => {
  if (context?.workflowWrite || !data) return data
  const errors: { path: string; message: string }[] = []
  if (operation === 'update' && 'available' in data && data.available !== originalDoc?.available) {
    errors.push({ path: 'available', message: 'Change stock with POST /api/inventory/adjust ({ sku, delta | setTo, reason })' })
  }
  if (operation === 'update' && 'sku' in data && data.sku !== originalDoc?.sku) {
    errors.push({ path: 'sku', message: 'A stock row’s SKU cannot change; edit the product instead' })
  }
  if (operation === 'create' && data.available !== undefined && data.available !== 0) {
    errors.push({ path: 'available', message: 'A new stock row starts at 0; use POST /api/inventory/adjust to add stock' })
  }
  if (errors.length > 0) throw new ValidationError({ collection: 'inventory', errors, req })
  return data
}
