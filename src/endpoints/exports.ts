import type { Where } from 'payload'

import { CSV_KINDS, type CsvKind } from '../commerce/csv'
import { CommerceError } from '../commerce/errors'
import { COLLECTION_OF, exportCsv, listWhere } from '../infra/catalogueCsv/exportData'
import { endpoint, requireScope } from './respond'

// GET /api/imports/export/products|stock?where[…]=…&search=… — the list's current filter as a CSV download.
export const handleExport = endpoint(async (req) => {
  requireScope(req, 'catalogue:read')
  const kind = req.routeParams?.kind as CsvKind
  if (!CSV_KINDS.includes(kind)) throw new CommerceError(404, 'unknown_export', `Export products or stock, not ${JSON.stringify(kind)}`)
  const query = (req.query ?? {}) as { where?: Where; search?: string }
  const searchable = req.payload.collections[COLLECTION_OF[kind]].config.admin.listSearchableFields ?? []
  const search = typeof query.search === 'string' ? query.search : undefined
  const { csv, rows } = await exportCsv(req.payload, req, kind, listWhere(searchable, query.where, search))
  const date = new Date().toISOString().slice(0, 10)
  return new Response(csv, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${kind}-${date}.csv"`,
      'cache-control': 'no-store',
      'x-export-rows': String(rows),
    },
  })
})
