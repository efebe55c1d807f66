export const dynamic = 'force-dynamic'

// Liveness only: the storefront answers even while the CMS is down (pages then show an error).
export function GET() {
  return Response.json({ status: 'ok', uptime: Math.round(process.uptime()) }, { headers: { 'Cache-Control': 'no-store' } })
}
