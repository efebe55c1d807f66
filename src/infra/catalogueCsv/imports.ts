import type { Payload } from 'payload'

import { type CsvKind, planImport, readImportFile, snapshotQuery } from '../../commerce/csv'
import { CommerceError, conflict, notFound } from '../../commerce/errors'
import { processLock } from '../lock'
import { applyImport, planSteps } from './apply'
import { importProgress } from './progress'
import { loadSnapshot } from './snapshot'

type Id = number | string

export const IMPORT_STATUSES = ['previewed', 'invalid', 'queued', 'running', 'done', 'failed'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]

/** The largest CSV an import takes: about 25,000 product rows. */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024
/** Rows of the plan a preview answers with (the summary counts them all). */
const PREVIEW_ROWS = 200
export const IMPORT_TASK = 'applyCatalogueImport'
// A 25,000-row file applies in a few minutes; one still running after this was cut off.
const INTERRUPTED_AFTER_MS = 30 * 60_000

const internal = { collection: 'imports', overrideAccess: true, depth: 0 } as const

export function tooLarge(size: number): CommerceError {
  return new CommerceError(413, 'file_too_large', `The file is ${(size / 1048576).toFixed(1)} MB; an import takes at most ${IMPORT_MAX_BYTES / 1048576} MB`, {
    limit: IMPORT_MAX_BYTES,
  })
}

/** Reads and checks a file against the shop and keeps it as a previewed import; writes nothing else. */
export async function previewImport(payload: Payload, input: { kind: CsvKind; fileName: string; bytes: Uint8Array; by: Id | null }) {
  if (input.bytes.byteLength > IMPORT_MAX_BYTES) throw tooLarge(input.bytes.byteLength)
  const file = readImportFile(input.kind, input.bytes)
  const planned = planImport(file, await loadSnapshot(payload, undefined, snapshotQuery(file)))
  const { plan } = planned
  const doc = await payload.create({
    ...internal,
    data: {
      fileName: input.fileName.slice(0, 200),
      kind: input.kind,
      status: planned.errorCount > 0 ? 'invalid' : 'previewed',
      encoding: file.encoding,
      rows: file.rows,
      errorCount: planned.errorCount,
      summary: { ...plan.summary },
      rowErrors: planned.errors.map((e) => ({ ...e })),
      fingerprint: planned.fingerprint,
      source: file.text,
      by: input.by as number | null,
    },
  })
  return {
    id: doc.id,
    kind: input.kind,
    fileName: doc.fileName,
    status: doc.status,
    encoding: file.encoding,
    rows: file.rows,
    summary: plan.summary,
    errorCount: planned.errorCount,
    errors: planned.errors,
    products: plan.products.slice(0, PREVIEW_ROWS).map((p) => ({ row: p.row, slug: p.slug, title: p.product.title, action: p.action, changed: p.changed })),
    stock: plan.stock.slice(0, PREVIEW_ROWS),
    thresholds: plan.thresholds.slice(0, PREVIEW_ROWS),
  }
}

type ImportDoc = {
  id: Id
  kind: CsvKind
  status: ImportStatus
  fileName: string
  fingerprint?: string | null
  source?: string | null
  errorCount?: number | null
  by?: unknown
}

async function findImport(payload: Payload, id: Id): Promise<ImportDoc> {
  const doc = await payload.findByID({ ...internal, id, disableErrors: true })
  if (!doc) throw notFound('unknown_import', `No import ${id}`)
  return doc as unknown as ImportDoc
}

const fileOf = (doc: ImportDoc) => readImportFile(doc.kind, new TextEncoder().encode(doc.source ?? ''))

/** An import left `running` far longer than any file takes was cut off with its process: its transaction rolled back. */
async function failInterrupted(payload: Payload) {
  const before = new Date(Date.now() - INTERRUPTED_AFTER_MS).toISOString()
  await payload.update({
    ...internal,
    where: { and: [{ status: { equals: 'running' } }, { startedAt: { less_than: before } }] },
    data: { status: 'failed', message: 'The import was interrupted (its process stopped); nothing was written', finishedAt: new Date().toISOString() },
  })
}

/** Queues the job that applies a previewed import: one at a time, and only while the shop is as the preview saw it. */
export async function requestApply(payload: Payload, id: Id): Promise<{ id: Id; status: ImportStatus }> {
  const lease = await processLock().acquire('imports:apply', 30_000)
  if (!lease) throw conflict('import_running', 'Another import is being started: wait for it to finish')
  try {
    const doc = await findImport(payload, id)
    if (doc.status === 'invalid') throw new CommerceError(422, 'import_invalid', `The file has ${doc.errorCount} problems: fix them and preview it again`)
    if (doc.status !== 'previewed') throw conflict('import_not_previewed', `This import is ${doc.status}: preview the file again to import it once more`)
    await failInterrupted(payload)
    const busy = await payload.count({ collection: 'imports', overrideAccess: true, where: { status: { in: ['queued', 'running'] } } })
    if (busy.totalDocs > 0) throw conflict('import_running', 'Another import is running: wait for it to finish, then apply this one')
    const file = fileOf(doc)
    const now = planImport(file, await loadSnapshot(payload, undefined, snapshotQuery(file)))
    if (now.fingerprint !== doc.fingerprint) throw conflict('preview_stale', 'The shop changed since this file was previewed: preview it again')
    await payload.update({ ...internal, id, data: { status: 'queued' } })
    await payload.jobs.queue({ task: IMPORT_TASK as never, input: { importId: id } as never })
    return { id, status: 'queued' }
  } finally {
    await lease.release()
  }
}

/** The job: applies the import in one transaction, recording how it ended on the import. */
export async function runImport(payload: Payload, id: Id): Promise<{ status: ImportStatus }> {
  const doc = await findImport(payload, id)
  if (doc.status !== 'queued') return { status: doc.status }
  const file = fileOf(doc)
  const progress = importProgress()
  const by = doc.by === null || doc.by === undefined ? null : typeof doc.by === 'object' ? (doc.by as { id: Id }).id : (doc.by as Id)
  await payload.update({ ...internal, id, data: { status: 'running', startedAt: new Date().toISOString() } })
  progress.start(id, 0)
  try {
    const result = await applyImport(payload, file, {
      importId: id,
      by,
      fileName: doc.fileName,
      fingerprint: doc.fingerprint ?? '',
      onPlan: (plan) => progress.start(id, planSteps(plan)),
      onProgress: (n) => progress.advance(id, n),
    })
    await payload.update({ ...internal, id, data: { status: 'done', result: { ...result }, finishedAt: new Date().toISOString() } })
    return { status: 'done' }
  } catch (error) {
    const message = error instanceof CommerceError ? error.message : `The import failed and nothing was written: ${(error as Error).message}`
    payload.logger.warn({ err: error, importId: id }, 'CSV import failed; rolled back')
    await payload.update({ ...internal, id, data: { status: 'failed', message: message.slice(0, 1000), finishedAt: new Date().toISOString() } })
    return { status: 'failed' }
  } finally {
    progress.finish(id)
  }
}

/** Where an import stands, with live progress while it runs. */
export async function importStatus(payload: Payload, id: Id) {
  const doc = (await payload.findByID({ ...internal, id, disableErrors: true, select: { source: false } })) as Record<string, unknown> | null
  if (!doc) throw notFound('unknown_import', `No import ${id}`)
  const live = importProgress().read(id)
  const done = doc.status === 'done'
  return {
    id: doc.id,
    fileName: doc.fileName,
    kind: doc.kind,
    status: doc.status,
    processed: live?.processed ?? (done ? 1 : 0),
    total: live?.total ?? (done ? 1 : 0),
    summary: doc.summary,
    result: doc.result ?? null,
    message: doc.message ?? null,
  }
}
