import { isStrict, metricsToken } from '@/lib/env'
import { metrics } from '@/lib/metrics/registry'
import { secretMatches } from '@/lib/revalidation/secretMatches'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  const token = metricsToken()
  // Staging and production never serve metrics to anyone: without a token there is nobody to serve them to.
  if (!token && isStrict()) return new Response('METRICS_TOKEN is not set: metrics are not served in staging or production without it', { status: 404 })
  if (token) {
    const given = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? null
    if (!secretMatches(given, token)) return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } })
  }
  const { registry } = metrics()
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } })
}
