import { CmsError, cmsGet } from '@/lib/cms/client'
import { cmsUrl } from '@/lib/env'
import type { Media } from '@/lib/cms/types'
import { countCmsFetchError } from '@/lib/metrics/registry'
import { isImageVariant, pickMediaFile } from '@/lib/images/pickMediaFile'

// Streams a CMS image from the storefront's own origin: CMS_URL may be an internal address, and
// the CSP then needs no CMS host. The media document (file names per size) is cached by tag.
export async function GET(request: Request, { params }: { params: Promise<{ id: string; variant: string }> }) {
  const { id, variant } = await params
  if (!/^\d{1,12}$/.test(id) || !isImageVariant(variant)) return new Response('Not found', { status: 404 })
  const width = Number(new URL(request.url).searchParams.get('w')) || 600
  let media: Media
  try {
    media = await cmsGet<Media>(`/api/media/${id}?depth=0`, { endpoint: 'media', tags: [`media:${id}`, 'media'], revalidate: 3600 })
  } catch (error) {
    const status = error instanceof CmsError && error.status === 404 ? 404 : 502
    return new Response(status === 404 ? 'Not found' : 'Image unavailable', { status })
  }
  const file = pickMediaFile(media, variant, width)
  if (!file?.filename) return new Response('Not found', { status: 404 })
  const upstream = await fetch(`${cmsUrl()}/api/media/file/${encodeURIComponent(file.filename)}`, {
    cache: 'no-store',
    signal: AbortSignal.timeout(15_000),
  }).catch(() => null)
  const type = upstream?.headers.get('content-type') ?? ''
  if (!upstream?.ok || !upstream.body || !type.startsWith('image/')) {
    if (!upstream || upstream.status >= 500) countCmsFetchError('media/file')
    return new Response('Image unavailable', { status: upstream?.status === 404 ? 404 : 502 })
  }
  const headers = new Headers({
    'Content-Type': type,
    'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800',
    'X-Content-Type-Options': 'nosniff',
  })
  const length = upstream.headers.get('content-length')
  if (length) headers.set('Content-Length', length)
  return new Response(upstream.body, { status: 200, headers })
}
