'use client'
import { Banner, Button, SelectInput, toast } from '@payloadcms/ui'
import { useRouter, useSearchParams } from 'next/navigation'
import React, { useEffect, useState } from 'react'

import { refusalMessage } from '../../../src/commerce/refusalMessage'
import { ImportPreview, type Preview } from './ImportPreview'

type Progress = { status: string; processed: number; total: number; message: string | null; result: Record<string, number> | null }

const KINDS = [
  { label: 'Products (one row per SKU)', value: 'products' },
  { label: 'Stock levels', value: 'stock' },
]
const MAX_MB = 4

async function call(url: string, init?: RequestInit) {
  const res = await fetch(url, { credentials: 'include', ...init })
  const body = await res.json().catch(() => null)
  if (!res.ok) throw new Error(refusalMessage(body, res.status))
  return body
}

// Choose a file → preview (errors by row, nothing written) → Apply → progress until the job is done.
export function ImportPanel() {
  const router = useRouter()
  const params = useSearchParams()
  const [kind, setKind] = useState(params.get('kind') === 'stock' ? 'stock' : 'products')
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [busy, setBusy] = useState(false)
  const running = progress !== null && ['queued', 'running'].includes(progress.status)

  useEffect(() => {
    if (!running || !preview) return
    const timer = setInterval(async () => {
      try {
        const next: Progress = await call(`/api/imports/${preview.id}/progress`)
        setProgress(next)
        if (next.status === 'done') {
          toast.success(
            `Imported ${preview.fileName}: ${next.result?.created ?? 0} created, ${next.result?.updated ?? 0} updated, ${next.result?.stockChanges ?? 0} stock changes.`,
          )
          router.refresh()
        }
        if (next.status === 'failed') toast.error(next.message ?? 'The import failed; nothing was written.')
      } catch (error) {
        toast.error((error as Error).message)
      }
    }, 1000)
    return () => clearInterval(timer)
  }, [running, preview, router])

  const previewFile = async () => {
    if (!file) return void toast.error('Choose a CSV file first.')
    setBusy(true)
    setProgress(null)
    try {
      const form = new FormData()
      form.append('kind', kind)
      form.append('file', file)
      setPreview(await call('/api/imports/preview', { method: 'POST', body: form }))
    } catch (error) {
      setPreview(null)
      toast.error((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const apply = async () => {
    if (!preview) return
    setBusy(true)
    try {
      const queued = await call(`/api/imports/${preview.id}/apply`, { method: 'POST' })
      setProgress({ status: queued.status, processed: 0, total: 0, message: null, result: null })
    } catch (error) {
      toast.error((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const nothingToDo =
    preview !== null && preview.summary.create + preview.summary.update + preview.summary.stockChanges + preview.summary.thresholdChanges === 0
  return (
    <div className="import-panel" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 style={{ marginBottom: 'var(--base)' }}>Import a CSV</h2>
      <p style={{ maxWidth: '60rem' }}>
        One row per SKU, rows grouped into products by <code>slug</code>; prices in pounds (6.50); categories as paths (clothing/knitwear) and images as file
        names of uploaded media, several separated by “;”. Up to {MAX_MB} MB. The file is checked and previewed first; nothing is written until you apply it,
        and then all of it is written or none.
      </p>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(12rem, 18rem) 1fr auto', gap: 'var(--base)', alignItems: 'end', maxWidth: '60rem' }}>
        <SelectInput
          name="importKind"
          path="importKind"
          label="What the file holds"
          options={KINDS}
          value={kind}
          isClearable={false}
          onChange={(o) => setKind((o as { value: string })?.value ?? 'products')}
        />
        <label className="field-type" style={{ display: 'flex', flexDirection: 'column', gap: '0.25rem' }}>
          <span className="field-label">CSV file</span>
          <input
            data-testid="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => (setFile(e.target.files?.[0] ?? null), setPreview(null), setProgress(null))}
          />
        </label>
        <Button buttonStyle="secondary" onClick={previewFile} disabled={busy || !file} margin={false}>
          Preview
        </Button>
      </div>
      {preview && <ImportPreview preview={preview} />}
      {preview && preview.errorCount === 0 && !progress && (
        <Button onClick={apply} disabled={busy || nothingToDo}>
          {nothingToDo ? 'Nothing to change' : `Apply ${preview.fileName}`}
        </Button>
      )}
      {progress && (
        <div data-testid="import-progress" style={{ marginTop: 'var(--base)' }}>
          <Banner type={progress.status === 'failed' ? 'error' : progress.status === 'done' ? 'success' : 'default'}>
            {progress.status === 'done' && 'Import done.'}
            {progress.status === 'failed' && `Import failed; nothing was written. ${progress.message ?? ''}`}
            {running && `Import ${progress.status}: ${progress.processed} of ${progress.total || '…'} steps`}
          </Banner>
          {running && <progress max={progress.total || 1} value={progress.processed} style={{ width: '100%' }} />}
        </div>
      )}
    </div>
  )
}
