import type { CollectionAfterLoginHook } from 'payload'

import { CommerceError } from '../../../src/commerce/errors'
import { recordAudit } from '../../../src/infra/audit'
import { sidOf } from '../../../src/infra/twoFactor/pendingLogin'
import { isEnrolled, mustEnrol, useSecondFactor, type GraphQLLogin } from '../../../src/infra/twoFactor/secondFactor'
import { holdSession, loadStaff } from '../../../src/infra/twoFactor/state'

const secondFactorRequired = (purpose: 'verify' | 'enrol') =>
  new CommerceError(
    401,
    'two_factor_required',
    purpose === 'verify'
      ? 'This account uses two-factor authentication: send the code argument (six digits from the app, or a recovery code)'
      : 'This admin account must set up two-factor authentication first: log in at /admin, or over REST (POST /api/users/login, then /api/users/two-factor/setup and /enable)',
    { step: purpose },
  )

/**
 * After the password: an enrolled account needs its code too. With `code` in the login body (six digits or a
 * recovery code) the login completes; without it the new session is parked until POST /api/users/two-factor/verify
 * (or, for an admin who must enrol, /two-factor/enable) — its token opens nothing else. A wrong code fails the login.
 * GraphQL's loginUser passes its `code` argument in `context.graphqlLogin`; without one it is refused, never parked.
 */
export const requireSecondFactor: CollectionAfterLoginHook = async ({ req, user, token, context }) => {
  const staff = await loadStaff(req.payload, user.id, req)
  const sid = sidOf(token)
  if (!staff || !sid) return user
  const actor = { collection: 'users', id: staff.id, email: staff.email }
  const given = context.graphqlLogin ? (context.graphqlLogin as GraphQLLogin).code : req.data?.code
  const code = typeof given === 'string' && given.trim() ? given.trim() : null
  if (isEnrolled(staff) && code) {
    const method = await useSecondFactor(req.payload, staff, code, req)
    if (!method) throw new CommerceError(401, 'two_factor_invalid', 'The two-factor code is wrong or was already used')
    await recordAudit(req.payload, {
      action: 'login.succeeded',
      actor,
      target: actor,
      summary: `${staff.email} logged in (password and ${method === 'totp' ? 'code' : 'recovery code'})`,
      details: { method },
      req,
    })
    if (method === 'recovery_code') await recordRecoveryUse(req, actor, staff.twoFactor.recoveryCodes?.length ?? 0)
    return user
  }
  if (isEnrolled(staff) || mustEnrol(staff)) {
    const purpose = isEnrolled(staff) ? 'verify' : 'enrol'
    // GraphQL's answer has no field to say a session is parked: it gets no session at all.
    if (context.graphqlLogin) throw secondFactorRequired(purpose)
    await holdSession(req.payload, staff, sid, purpose, req)
    context.twoFactor = purpose
    await recordAudit(req.payload, {
      action: 'login.second_factor_required',
      actor,
      target: actor,
      summary: `${staff.email} passed the password; ${purpose === 'verify' ? 'code' : 'two-factor set-up'} required`,
      details: { purpose },
      req,
    })
    return user
  }
  await recordAudit(req.payload, {
    action: 'login.succeeded',
    actor,
    target: actor,
    summary: `${staff.email} logged in (password)`,
    details: { method: 'password' },
    req,
  })
  return user
}

export async function recordRecoveryUse(
  req: Parameters<CollectionAfterLoginHook>[0]['req'],
  actor: { collection: string; id: string | number; email: string },
  left: number,
) {
  await recordAudit(req.payload, {
    action: 'two_factor.recovery_code_used',
    actor,
    target: actor,
    summary: `${actor.email} used a recovery code (${left} left)`,
    details: { left },
    req,
  })
}
