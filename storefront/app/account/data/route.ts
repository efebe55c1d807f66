import { NextResponse } from 'next/server'
import { cmsRequest } from '@/lib/cms/client'
import { currentCustomer } from '@/lib/session/session'

export const dynamic = 'force-dynamic'

/** GET /account/data — the signed-in customer's data from the CMS, as a JSON file download. */
export async function GET(request: Request) {
  const session = await currentCustomer()
  if (!session) return NextResponse.redirect(new URL('/account/login?next=/account/privacy', request.url), 303)
  const res = await cmsRequest(`/api/customers/${session.customer.id}/data`, { endpoint: 'customers/data', token: session.token }).catch(() => null)
  if (!res?.ok) return NextResponse.redirect(new URL('/account/privacy?error=download', request.url), 303)
  return new NextResponse(JSON.stringify(res.data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="ipswich-retail-my-data.json"',
      'cache-control': 'private, no-store',
    },
  })
}
