import type { PayloadRequest } from 'payload'

import { isAdminUser } from '../access/roles'
import { CommerceError } from '../commerce/errors'
import { assertErasureConfirmed } from '../commerce/privacy'
import { recordAudit, type AuditRef } from '../infra/audit'
import { eraseCustomer, exportCustomerData } from '../infra/privacy'
import { endpoint, json, readJsonBody } from './respond'

/** The customer themself, or an admin for any customer; 401 for nobody, 403 for anyone else. */
function assertMayManage(req: PayloadRequest): { id: string; actor: AuditRef } {
  const id = String(req.routeParams?.id ?? '')
  const user = req.user as (PayloadRequest['user'] & { email?: string }) | null
  if (!user) throw new CommerceError(401, 'unauthenticated', 'Log in to manage this account’s data')
  const own = user.collection === 'customers' && String(user.id) === id
  if (!own && !isAdminUser(user)) throw new CommerceError(403, 'forbidden', 'Only the customer or an admin may do this')
  return { id, actor: { collection: user.collection, id: user.id, email: user.email } }
}

// GET /api/customers/:id/data — the customer's data as a JSON download (docs/security/holds-and-privacy.md).
export const handleCustomerExport = endpoint(async (req) => {
  const { id, actor } = assertMayManage(req)
  const data = await exportCustomerData(req.payload, id)
  await recordAudit(req.payload, {
    action: 'customer.data_exported',
    actor,
    target: { collection: 'customers', id, email: String(data.account.email ?? '') },
    summary: `Data of customer ${id} exported`,
    details: { orders: data.orders.length },
    req,
  })
  return json(data, 200, { 'content-disposition': `attachment; filename="ipswich-retail-data-${id}.json"` })
})

// POST /api/customers/:id/erase { confirmEmail } — orders kept without personal data; the account is deleted.
export const handleCustomerErase = endpoint(async (req) => {
  const { id, actor } = assertMayManage(req)
  const body = await readJsonBody(req)
  const customer = await req.payload.findByID({ collection: 'customers', id, overrideAccess: true, depth: 0, disableErrors: true })
  if (!customer) throw new CommerceError(404, 'customer_not_found', 'No such customer')
  assertErasureConfirmed(body, customer.email)
  const { ordersKept } = await eraseCustomer(req.payload, id)
  // The customer's own email is personal data the erasure removed: the entry names the account by id only.
  await recordAudit(req.payload, {
    action: 'customer.erased',
    actor: actor.collection === 'customers' ? { collection: 'customers', id } : actor,
    target: { collection: 'customers', id },
    summary: `Customer ${id} erased; ${ordersKept} orders kept without personal data`,
    details: { ordersKept },
    req,
  })
  return json({ erased: true, id: Number(id), ordersKept })
})

export const customerDataEndpoints = [
  { path: '/:id/data', method: 'get' as const, handler: handleCustomerExport },
  { path: '/:id/erase', method: 'post' as const, handler: handleCustomerErase },
]
