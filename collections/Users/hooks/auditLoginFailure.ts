import type { CollectionAfterErrorHook } from 'payload'

import { recordFailedStaffLogin } from '../../../src/infra/loginAudit'

// A refused staff login over REST and the admin; GraphQL's loginUser records its own (src/endpoints/accountGraphQL.ts).
export const auditLoginFailure: CollectionAfterErrorHook = async ({ error, req }) => {
  const path = new URL(req.url ?? 'http://localhost/').pathname
  if (!path.endsWith('/users/login')) return
  await recordFailedStaffLogin(req, req.data?.email, error, 'rest')
}
