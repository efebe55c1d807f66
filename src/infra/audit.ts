import type { Payload, PayloadRequest } from 'payload'

/**
 * Stand-in for the audit log (issue 18, item 4, built on another branch): the same signature, written as one pino
 * line so nothing is lost until the real log replaces this file.
 */
export type AuditParty = { collection: string; id: string | number; email?: string }

export interface AuditEntry {
  action: string
  actor: AuditParty | null
  target: AuditParty | null
  summary: string
  details?: Record<string, unknown>
  req?: PayloadRequest
}

export async function recordAudit(payload: Payload, { action, actor, target, summary, details }: AuditEntry): Promise<void> {
  payload.logger.info({ audit: { action, actor, target, details } }, summary)
}
