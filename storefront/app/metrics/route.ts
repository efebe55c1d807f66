import { metricsToken } from '@/lib/env'
import { metrics } from '@/lib/metrics/registry'
import { secretMatches } from '@/lib/revalidation/secretMatches'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  const token = metricsToken()
  if (token) {
    const given = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? null
    if (!secretMatches(given, token)) return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } })
  }
  const { registry } = metrics()
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } })
}
