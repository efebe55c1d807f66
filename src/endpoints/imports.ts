import type { Endpoint, PayloadRequest } from 'payload'

import { CSV_KINDS, type CsvKind } from '../commerce/csv'
import { CommerceError } from '../commerce/errors'
import { IMPORT_MAX_BYTES, importStatus, previewImport, requestApply, tooLarge } from '../infra/catalogueCsv/imports'
import { handleExport } from './exports'
import { actorOf, endpoint, json, requireScope } from './respond'

function kindOf(value: unknown): CsvKind {
  if (CSV_KINDS.includes(value as CsvKind)) return value as CsvKind
  throw new CommerceError(400, 'invalid_kind', `kind must be one of ${CSV_KINDS.join(', ')}, got ${JSON.stringify(value ?? null)}`)
}

const idOf = (req: PayloadRequest) => String(req.routeParams?.id ?? '')

// POST /api/imports/preview — multipart { file, kind }: checks the file against the shop; writes only the import record.
export const handlePreview = endpoint(async (req) => {
  requireScope(req, 'catalogue:write')
  const declared = Number(req.headers.get('content-length') ?? 0)
  if (declared > IMPORT_MAX_BYTES + 64 * 1024) throw tooLarge(declared)
  let form: FormData
  try {
    form = await req.formData!()
  } catch {
    throw new CommerceError(400, 'invalid_upload', 'Send the CSV as multipart/form-data with a "file" part')
  }
  const file = form.get('file')
  if (!file || typeof file === 'string') throw new CommerceError(400, 'missing_file', 'Send the CSV in a multipart part named "file"')
  if (file.size > IMPORT_MAX_BYTES) throw tooLarge(file.size)
  const kind = kindOf(form.get('kind') ?? req.query?.kind ?? 'products')
  const bytes = new Uint8Array(await file.arrayBuffer())
  return json(await previewImport(req.payload, { kind, fileName: file.name || 'import.csv', bytes, by: actorOf(req).by }), 201)
})

// POST /api/imports/:id/apply — queues the job; 409 while another import runs or when the shop changed since the preview.
export const handleApply = endpoint(async (req) => {
  requireScope(req, 'catalogue:write')
  return json(await requestApply(req.payload, idOf(req)), 202)
})

// GET /api/imports/:id/progress — status, rows done of total while it runs, and how it ended.
export const handleProgress = endpoint(async (req) => {
  requireScope(req, 'catalogue:write')
  return json(await importStatus(req.payload, idOf(req)))
})

export const importEndpoints: Endpoint[] = [
  { path: '/preview', method: 'post', handler: handlePreview },
  { path: '/:id/apply', method: 'post', handler: handleApply },
  { path: '/:id/progress', method: 'get', handler: handleProgress },
  { path: '/export/:kind', method: 'get', handler: handleExport },
]
