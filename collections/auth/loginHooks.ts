import { pbkdf2 } from 'node:crypto'
import { promisify } from 'node:util'
import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook } from 'payload'

import { clientAddress } from '../../src/infra/clientAddress'
import { loginDelays } from '../../src/infra/loginDelay'

// Payload hashes with PBKDF2-SHA256, 600,000 iterations, 32 bytes (payload/dist/auth/strategies/local).
const hashLikePayload = (password: string) => promisify(pbkdf2)(password, 'no-such-account', 600_000, 32, 'sha256')

const emailOf = (args: unknown) => {
  const email = (args as { data?: { email?: unknown } }).data?.email
  return typeof email === 'string' ? email.trim().toLowerCase() : ''
}
const delayKey = (slug: string, email: string, address: string) => `${slug}:${email}:${address}`

/**
 * Before each login: refuse while this account-and-address pair must wait (429), count the attempt as failed until
 * `clearLoginDelay` sees it succeed, and for an unknown email spend the time a password check takes, so the answer
 * and its timing are the same for known and unknown addresses.
 */
export const checkLogin: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'login') return
  const email = emailOf(args)
  const key = delayKey(collection.slug, email, clientAddress(req))
  const wait = await loginDelays().wait(key)
  if (wait > 0) throw new APIError(`Too many failed logins for this account from your address; try again in ${wait} s`, 429, { retryAfter: wait }, true)
  await loginDelays().fail(key)
  const known = email ? await req.payload.db.findOne({ collection: collection.slug, where: { email: { equals: email } }, req }) : null
  if (!known) await hashLikePayload(String((args as { data?: { password?: unknown } }).data?.password ?? ''))
}

/** A successful login ends the pair's run of failures. */
export const clearLoginDelay: CollectionAfterLoginHook = async ({ collection, req, user }) => {
  await loginDelays().clear(delayKey(collection.slug, String(user.email ?? '').toLowerCase(), clientAddress(req)))
}
