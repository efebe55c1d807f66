import type { Payload, PayloadRequest } from 'payload'

import { CommerceError } from '../../commerce/errors'
import { env } from '../env'
import { rateLimiter } from '../rateLimit'
import { findRecoveryCode, hashRecoveryCode, newRecoveryCodes, openSecret, sealSecret } from './secrets'
import type { StaffRecord } from './state'
import { saveStaff } from './state'
import { checkTotp, newTotpSecret, totpQrSvg, totpUri } from './totp'

// Five wrong codes per account in fifteen minutes, then a wait: a stolen password plus guessing gets nowhere.
const CODE_TRIES = 5
const CODE_WINDOW_SECONDS = 15 * 60

/** Set in req.context by GraphQL's loginUser (src/endpoints/accountGraphQL.ts): its `code` argument. */
export type GraphQLLogin = { code?: string | null }

export const isEnrolled = (staff: StaffRecord) => Boolean(staff.twoFactor.secret)

/** An admin who has not enrolled must do so before anything else, where the setting asks for it. */
export const mustEnrol = (staff: StaffRecord) => !isEnrolled(staff) && env().adminTwoFactorRequired && (staff.roles ?? []).includes('admin')

// Every try is counted before its code is checked (so a burst of guesses in parallel is counted too), and a right
// code gives its try back: only wrong codes add up, and staff who log in often are never shut out.
async function countTry(staff: StaffRecord) {
  const verdict = await rateLimiter().hit('two-factor', String(staff.id), CODE_TRIES, CODE_WINDOW_SECONDS)
  if (!verdict.allowed)
    throw new CommerceError(429, 'rate_limited', `Too many wrong codes: try again in ${verdict.retryAfterSeconds} seconds`, {
      retryAfterSeconds: verdict.retryAfterSeconds,
    })
}

async function giveTryBack(staff: StaffRecord) {
  await rateLimiter().hit('two-factor', String(staff.id), CODE_TRIES, CODE_WINDOW_SECONDS, -1)
}

/**
 * Checks a six-digit code or a recovery code for an enrolled account and uses it up (a TOTP step or a recovery code
 * works once). Answers how the account proved itself, or null for a wrong code.
 */
export async function useSecondFactor(payload: Payload, staff: StaffRecord, code: string, req?: PayloadRequest): Promise<'totp' | 'recovery_code' | null> {
  await countTry(staff)
  const secret = staff.twoFactor.secret ? openSecret(payload.secret, staff.twoFactor.secret) : null
  if (!secret) return null
  const step = await checkTotp(secret, code, staff.twoFactor.lastStep)
  if (step !== null) {
    staff.twoFactor.lastStep = step
    await saveStaff(payload, staff, req)
    await giveTryBack(staff)
    return 'totp'
  }
  const codes = staff.twoFactor.recoveryCodes ?? []
  const index = findRecoveryCode(payload.secret, codes, code)
  if (index < 0) return null
  staff.twoFactor.recoveryCodes = codes.filter((_, i) => i !== index)
  await saveStaff(payload, staff, req)
  await giveTryBack(staff)
  return 'recovery_code'
}

/** A new secret, kept aside until a code from it confirms the app has it. */
export async function startEnrolment(payload: Payload, staff: StaffRecord) {
  if (isEnrolled(staff)) throw new CommerceError(409, 'two_factor_enabled', 'Two-factor authentication is already on for this account')
  // The set-up screen asking twice (a re-render, a second tab) shows the same secret rather than orphaning the first.
  const recent = staff.twoFactor.pendingSince && Date.now() - new Date(staff.twoFactor.pendingSince).getTime() < 10 * 60_000
  const kept = recent && staff.twoFactor.pendingSecret ? openSecret(payload.secret, staff.twoFactor.pendingSecret) : null
  const secret = kept ?? newTotpSecret()
  if (!kept) {
    staff.twoFactor.pendingSecret = sealSecret(payload.secret, secret)
    staff.twoFactor.pendingSince = new Date().toISOString()
    await saveStaff(payload, staff)
  }
  const uri = totpUri(staff.email, secret)
  return { secret, uri, qrSvg: await totpQrSvg(uri) }
}

/** Turns two-factor on when the code matches the secret being set up; answers the recovery codes, shown once. */
export async function finishEnrolment(payload: Payload, staff: StaffRecord, code: string, req?: PayloadRequest): Promise<string[]> {
  if (isEnrolled(staff)) throw new CommerceError(409, 'two_factor_enabled', 'Two-factor authentication is already on for this account')
  const pending = staff.twoFactor.pendingSecret ? openSecret(payload.secret, staff.twoFactor.pendingSecret) : null
  if (!pending) throw new CommerceError(409, 'two_factor_not_started', 'Start the set-up first: it shows the QR code to scan')
  await countTry(staff)
  const step = await checkTotp(pending, code)
  if (step === null) throw new CommerceError(400, 'two_factor_invalid', 'That code does not match: check the app and try the current code')
  await giveTryBack(staff)
  const recoveryCodes = newRecoveryCodes()
  staff.twoFactor = {
    ...staff.twoFactor,
    secret: staff.twoFactor.pendingSecret,
    pendingSecret: null,
    pendingSince: null,
    lastStep: step,
    recoveryCodes: recoveryCodes.map((c) => hashRecoveryCode(payload.secret, c)),
    enrolledAt: new Date().toISOString(),
  }
  await saveStaff(payload, staff, req)
  return recoveryCodes
}

export async function turnOffTwoFactor(payload: Payload, staff: StaffRecord, req?: PayloadRequest) {
  staff.twoFactor = { pending: staff.twoFactor.pending }
  await saveStaff(payload, staff, req)
}

/**
 * An admin's reset for someone who lost their phone: the secret, the recovery codes and any login parked for a code
 * go (a parked session not in the account's list can then never be made live); the account enrols again at next
 * login where it must.
 */
export async function resetTwoFactor(payload: Payload, staff: StaffRecord, req?: PayloadRequest) {
  staff.twoFactor = {}
  await saveStaff(payload, staff, req)
}
