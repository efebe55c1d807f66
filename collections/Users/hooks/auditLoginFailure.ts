import type { CollectionAfterErrorHook } from 'payload'

import { recordAudit } from '../../../src/infra/audit'

// A refused staff login over REST (wrong password, locked, wrong code), written after the login's transaction ended.
export const auditLoginFailure: CollectionAfterErrorHook = async ({ error, req }) => {
  const path = new URL(req.url ?? 'http://localhost/').pathname
  if (!path.endsWith('/users/login')) return
  const email = typeof req.data?.email === 'string' ? req.data.email.toLowerCase().trim().slice(0, 200) : ''
  const status = (error as { status?: number }).status ?? 500
  const reason = (error as { code?: string }).code ?? (status === 423 ? 'locked' : status === 401 ? 'bad_credentials' : 'error')
  await recordAudit(req.payload, {
    action: 'login.failed',
    actor: email ? { collection: 'users', id: '', email } : null,
    summary: `Staff login refused for ${email || 'no email'} (${reason})`,
    details: { reason, status },
  })
}
