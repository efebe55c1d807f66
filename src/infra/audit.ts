import type { Payload, PayloadRequest } from 'payload'

/** Who acted or what was acted on: a document of a collection (`users`, `integrations`, `products`, …). */
export type AuditRef = { collection: string; id: string | number; email?: string }

export type AuditEntry = {
  /** A dotted name from AUDIT_ACTIONS (docs/security/two-factor-and-audit.md), e.g. `product.price_changed`. */
  action: string
  actor?: AuditRef | null
  target?: AuditRef | null
  /** One line a person reads in the list: "Mug: £12.50 → £9.99". */
  summary: string
  details?: Record<string, unknown> | null
  /** The request being audited: its transaction carries the row, so a rolled-back change leaves none. */
  req?: PayloadRequest
}

/** The actions the shop records; others (privacy export and erasure) add theirs through the same function. */
export const AUDIT_ACTIONS = [
  'product.price_changed',
  'stock.adjusted',
  'order.transitioned',
  'customer.created',
  'customer.changed',
  'customer.deleted',
  'customer.data_exported',
  'customer.erased',
  'settings.changed',
  'user.created',
  'user.roles_changed',
  'user.deleted',
  'login.succeeded',
  'login.failed',
  'login.second_factor_required',
  'api_key.created',
  'api_key.rotated',
  'api_key.revoked',
  'two_factor.enrolled',
  'two_factor.disabled',
  'two_factor.recovery_code_used',
  'two_factor.reset',
] as const

type MaybeUser = (PayloadRequest['user'] & { email?: string | null }) | null | undefined

/** The caller as an audit reference: a staff member, an API key or a customer; null for the server itself. */
export function actorOf(user: MaybeUser): AuditRef | null {
  if (!user) return null
  return { collection: user.collection, id: user.id, ...(user.email ? { email: user.email } : {}) }
}

/**
 * Appends one row to the audit log (the only way rows are written: the collection refuses every other create, and
 * every update and delete). A failure is logged, never thrown: the audited action must not fail because of it.
 */
export async function recordAudit(payload: Payload, entry: AuditEntry): Promise<void> {
  const { action, summary, details, req } = entry
  const actor = entry.actor === undefined ? actorOf(req?.user) : entry.actor
  const target = entry.target ?? null
  try {
    await payload.create({
      collection: 'audit-log',
      data: {
        action,
        summary: summary.slice(0, 500),
        actorCollection: actor?.collection ?? 'system',
        actorId: actor ? String(actor.id) : null,
        actorEmail: actor?.email ?? null,
        targetCollection: target?.collection ?? null,
        targetId: target ? String(target.id) : null,
        targetEmail: target?.email ?? null,
        details: details ?? null,
      },
      overrideAccess: true,
      depth: 0,
      ...(req ? { req } : {}),
    })
  } catch (err) {
    payload.logger.error({ err, action }, 'Could not write an audit row')
  }
}

const NOT_CHANGES = new Set(['id', 'createdAt', 'updatedAt', 'sessions', 'hash', 'salt', 'loginAttempts', 'lockUntil', 'cart'])

/** The top-level fields whose values differ (names only: an audit row must not copy personal data around). */
export function changedFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)])
  return [...keys].filter((key) => !NOT_CHANGES.has(key) && JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after[key] ?? null)).sort()
}
