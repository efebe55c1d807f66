import type { Payload, PayloadRequest } from 'payload'

/** A login that passed the password and waits for its second factor (or for the enrolment admins must do first). */
export type PendingSession = { sid: string; expiresAt: string; purpose: 'verify' | 'enrol' }

/** The hidden `twoFactor` field of a staff account; never readable through the API. */
export type TwoFactorState = {
  secret?: string | null
  pendingSecret?: string | null
  pendingSince?: string | null
  recoveryCodes?: string[]
  lastStep?: number | null
  pending?: PendingSession[]
  enrolledAt?: string | null
}

type Session = { id: string; createdAt?: string | Date | null; expiresAt: string | Date }
export type StaffRecord = {
  id: number | string
  email: string
  roles?: string[] | null
  sessions?: Session[] | null
  twoFactor: TwoFactorState
  /** The row as read: a write that replaces the sessions array must send the whole row, as Payload's own does. */
  row: Record<string, unknown>
}

const parse = (value: unknown): TwoFactorState => {
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as TwoFactorState
    } catch {
      return {}
    }
  }
  return value && typeof value === 'object' ? (value as TwoFactorState) : {}
}

/** The account as stored (hidden fields included), read on the request's transaction. */
export async function loadStaff(payload: Payload, id: number | string, req?: PayloadRequest): Promise<StaffRecord | null> {
  const doc = (await payload.db.findOne({ collection: 'users', where: { id: { equals: id } }, ...(req ? { req } : {}) })) as Record<string, unknown> | null
  if (!doc) return null
  return {
    id: doc.id as number | string,
    email: String(doc.email),
    roles: doc.roles as string[] | null,
    sessions: (doc.sessions as Session[] | null) ?? [],
    twoFactor: parse(doc.twoFactor),
    row: doc,
  }
}

const live = <T extends { expiresAt: string | Date }>(rows: readonly T[] | null | undefined, now = Date.now()) =>
  (rows ?? []).filter((row) => new Date(row.expiresAt).getTime() > now)

/** Writes the state (and optionally the sessions) straight to the row: no hooks, no access, no updatedAt churn. */
export async function saveStaff(payload: Payload, staff: StaffRecord, req?: PayloadRequest, sessions?: Session[]): Promise<void> {
  const twoFactor = { ...staff.twoFactor, pending: live(staff.twoFactor.pending) }
  await payload.db.updateOne({
    collection: 'users',
    id: staff.id,
    data: { ...(sessions ? { ...staff.row, updatedAt: null, sessions } : {}), twoFactor, twoFactorEnabled: Boolean(twoFactor.secret) },
    returning: false,
    ...(req ? { req } : {}),
  })
}

/** Takes a fresh session out of the account's live sessions and parks it until the second factor is given. */
export async function holdSession(payload: Payload, staff: StaffRecord, sid: string, purpose: PendingSession['purpose'], req?: PayloadRequest) {
  const session = (staff.sessions ?? []).find((s) => s.id === sid)
  if (!session) return
  staff.twoFactor.pending = [...live(staff.twoFactor.pending), { sid, expiresAt: new Date(session.expiresAt).toISOString(), purpose }]
  await saveStaff(
    payload,
    staff,
    req,
    (staff.sessions ?? []).filter((s) => s.id !== sid),
  )
}

/** Makes a parked session a live one: the same cookie or token now works everywhere. */
export async function releaseSession(payload: Payload, staff: StaffRecord, sid: string, req?: PayloadRequest) {
  const held = live(staff.twoFactor.pending).find((p) => p.sid === sid)
  staff.twoFactor.pending = live(staff.twoFactor.pending).filter((p) => p.sid !== sid)
  const sessions = held ? [...live(staff.sessions), { id: sid, createdAt: new Date().toISOString(), expiresAt: held.expiresAt }] : undefined
  await saveStaff(payload, staff, req, sessions)
}

export const pendingOf = (staff: StaffRecord, sid: string): PendingSession | null => live(staff.twoFactor.pending).find((p) => p.sid === sid) ?? null
