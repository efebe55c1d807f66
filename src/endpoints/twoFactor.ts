import type { Endpoint, PayloadRequest } from 'payload'

import { CommerceError } from '../commerce/errors'
import { recordAudit } from '../infra/audit'
import { pendingLoginOf, type PendingLogin } from '../infra/twoFactor/pendingLogin'
import { finishEnrolment, isEnrolled, startEnrolment, turnOffTwoFactor, useSecondFactor } from '../infra/twoFactor/secondFactor'
import { loadStaff, releaseSession, type StaffRecord } from '../infra/twoFactor/state'
import { twoFactorCodeBodySchema } from './openapi/commerceSchemas'
import { endpoint, json, readJsonBody } from './respond'

async function codeOf(req: PayloadRequest): Promise<string> {
  const parsed = twoFactorCodeBodySchema.safeParse(await readJsonBody(req))
  if (!parsed.success) throw new CommerceError(400, 'invalid_code', 'Send { "code": "123456" }: the six digits from the app, or a recovery code')
  return parsed.data.code
}

type Caller = { staff: StaffRecord; pending: PendingLogin | null }

/** A signed-in staff member, or a login parked for its second factor (its token works only here). */
async function callerOf(req: PayloadRequest, allowPending: 'verify' | 'enrol' | null): Promise<Caller> {
  if (req.user?.collection === 'users') {
    const staff = await loadStaff(req.payload, req.user.id)
    if (staff) return { staff, pending: null }
  }
  const pending = allowPending ? await pendingLoginOf(req.payload, req.headers) : null
  if (pending && pending.pending.purpose === allowPending) return { staff: pending.staff, pending }
  throw new CommerceError(401, 'unauthenticated', 'Log in as staff first')
}

const actorOf = (staff: StaffRecord) => ({ collection: 'users', id: staff.id, email: staff.email })

// POST /api/users/two-factor/setup — a new secret with its QR code (SVG) and otpauth URI; nothing changes until /enable.
const setup = endpoint(async (req) => {
  const { staff } = await callerOf(req, 'enrol')
  const { secret, uri, qrSvg } = await startEnrolment(req.payload, staff)
  return json({ secret, otpauthUrl: uri, qrSvg })
})

// POST /api/users/two-factor/enable { code } — confirms the app; answers ten recovery codes, shown this once.
const enable = endpoint(async (req) => {
  const { staff, pending } = await callerOf(req, 'enrol')
  const recoveryCodes = await finishEnrolment(req.payload, staff, await codeOf(req))
  if (pending) await releaseSession(req.payload, staff, pending.sid)
  await recordAudit(req.payload, {
    action: 'two_factor.enrolled',
    actor: actorOf(staff),
    target: actorOf(staff),
    summary: `${staff.email} turned on two-factor authentication`,
    req,
  })
  if (pending)
    await recordAudit(req.payload, {
      action: 'login.succeeded',
      actor: actorOf(staff),
      target: actorOf(staff),
      summary: `${staff.email} logged in (password, then two-factor set-up)`,
      details: { method: 'enrolment' },
      req,
    })
  return json({ enabled: true, recoveryCodes })
})

// POST /api/users/two-factor/verify { code } — the login's second step: the parked session becomes a live one.
const verify = endpoint(async (req) => {
  const pending = await pendingLoginOf(req.payload, req.headers)
  if (!pending || pending.pending.purpose !== 'verify') throw new CommerceError(401, 'unauthenticated', 'Log in with your email and password first')
  const { staff } = pending
  const method = await useSecondFactor(req.payload, staff, await codeOf(req))
  if (!method) {
    await recordAudit(req.payload, {
      action: 'login.failed',
      actor: actorOf(staff),
      target: actorOf(staff),
      summary: `${staff.email}: wrong two-factor code`,
      details: { reason: 'two_factor_invalid' },
      req,
    })
    throw new CommerceError(401, 'two_factor_invalid', 'The code is wrong or was already used')
  }
  await releaseSession(req.payload, staff, pending.sid)
  const how = method === 'totp' ? 'code' : 'recovery code'
  await recordAudit(req.payload, {
    action: 'login.succeeded',
    actor: actorOf(staff),
    target: actorOf(staff),
    summary: `${staff.email} logged in (password and ${how})`,
    details: { method },
    req,
  })
  if (method === 'recovery_code') {
    const left = staff.twoFactor.recoveryCodes?.length ?? 0
    await recordAudit(req.payload, {
      action: 'two_factor.recovery_code_used',
      actor: actorOf(staff),
      target: actorOf(staff),
      summary: `${staff.email} used a recovery code (${left} left)`,
      details: { left },
      req,
    })
  }
  return json({ ok: true, method, recoveryCodesLeft: staff.twoFactor.recoveryCodes?.length ?? 0 })
})

// POST /api/users/two-factor/disable { code } — the signed-in staff member turns it off, proving it with a code.
const disable = endpoint(async (req) => {
  const { staff } = await callerOf(req, null)
  if (!isEnrolled(staff)) throw new CommerceError(409, 'two_factor_not_enabled', 'Two-factor authentication is not on for this account')
  const method = await useSecondFactor(req.payload, staff, await codeOf(req))
  if (!method) throw new CommerceError(400, 'two_factor_invalid', 'The code is wrong or was already used')
  await turnOffTwoFactor(req.payload, staff)
  await recordAudit(req.payload, {
    action: 'two_factor.disabled',
    actor: actorOf(staff),
    target: actorOf(staff),
    summary: `${staff.email} turned off two-factor authentication`,
    req,
  })
  return json({ enabled: false })
})

export const twoFactorEndpoints: Endpoint[] = [
  { path: '/two-factor/setup', method: 'post', handler: setup },
  { path: '/two-factor/enable', method: 'post', handler: enable },
  { path: '/two-factor/verify', method: 'post', handler: verify },
  { path: '/two-factor/disable', method: 'post', handler: disable },
]
