import { revalidatePath, revalidateTag } from 'next/cache'
import { after } from 'next/server'
import { revalidateSecret } from '@/lib/env'
import { metrics } from '@/lib/metrics/registry'
import { revalidatePagesAt, revalidatePagesTagged } from '@/lib/pageCache/renderRecord'
import { parseRevalidateBody } from '@/lib/revalidation/parseRevalidateBody'
import { secretMatches } from '@/lib/revalidation/secretMatches'

export const dynamic = 'force-dynamic'

// Called by the CMS on stock.changed and product/category changes (docs/CONTRACT.md).
export async function POST(request: Request) {
  if (!secretMatches(request.headers.get('x-revalidate-secret'), revalidateSecret())) {
    return Response.json({ error: { code: 'unauthorized', message: 'wrong or missing x-revalidate-secret' } }, { status: 401 })
  }
  const body = await request.json().catch(() => undefined)
  const parsed = parseRevalidateBody(body)
  if (!parsed.ok) return Response.json({ error: { code: 'invalid_body', message: parsed.error } }, { status: 400 })
  const { tags, paths } = parsed.value
  tags.forEach((tag) => revalidateTag(tag))
  paths.forEach((path) => revalidatePath(path))
  // The pages kept whole (lib/pageCache) go with the data they were built from: now, and once more after Next has
  // marked its data stale, so that no page rendered in between from the old data is kept.
  const dropPages = () => {
    revalidatePagesTagged(tags)
    paths.forEach((path) => revalidatePagesAt(path))
  }
  dropPages()
  after(dropPages)
  const { revalidations } = metrics()
  if (tags.length > 0) revalidations.inc({ kind: 'tag' }, tags.length)
  if (paths.length > 0) revalidations.inc({ kind: 'path' }, paths.length)
  return Response.json({ revalidated: true, tags, paths, now: Date.now() })
}
