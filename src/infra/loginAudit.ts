import type { PayloadRequest } from 'payload'

import { recordAudit } from './audit'

const REASON_BY_STATUS: Record<number, string> = { 401: 'bad_credentials', 423: 'locked', 429: 'delayed' }

/**
 * A refused staff login (REST or GraphQL: wrong password, unknown email, delayed, wrong or missing code) as a
 * `login.failed` row. Written without the request's transaction, which the refusal rolls back. The caller's answer
 * does not change: whether the email exists is in the row, never in the answer.
 */
export async function recordFailedStaffLogin(req: PayloadRequest, email: unknown, error: unknown, via: 'rest' | 'graphql') {
  const address = typeof email === 'string' ? email.toLowerCase().trim().slice(0, 200) : ''
  const status = (error as { status?: number }).status ?? 500
  const reason = (error as { code?: string }).code ?? REASON_BY_STATUS[status] ?? 'error'
  await recordAudit(req.payload, {
    action: 'login.failed',
    actor: address ? { collection: 'users', id: '', email: address } : null,
    summary: `Staff login refused for ${address || 'no email'} (${reason})`,
    details: { reason, status, via },
  })
}
