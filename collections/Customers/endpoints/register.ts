import { pbkdf2 } from 'node:crypto'
import { promisify } from 'node:util'
import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { isAdminUser } from '../../../src/access/roles'
import { CommerceError } from '../../../src/commerce/errors'
import { escapeHtml } from '../../../src/commerce/html'
import { env } from '../../../src/infra/env'
import { passwordProblem } from '../../../src/infra/passwordPolicy'
import { endpoint, json } from '../../../src/endpoints/respond'

/** The one answer to a shopper's registration, whether or not the address already had an account. */
export const REGISTERED = {
  message: 'Thank you. If this email address can be used, your account is ready; we have sent you an email either way.',
}

export const registration = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  password: z.string(),
  name: z.string().trim().max(200).optional(),
  marketingConsent: z.boolean().optional(),
})

const alreadyRegisteredEmail = (storefrontUrl: string) => {
  const login = `${storefrontUrl}/account/login`
  const reset = `${storefrontUrl}/account/forgot-password`
  return `<p>Someone (perhaps you) tried to open an Ipswich Retail account with this email address, which already has one.</p>
<p><a href="${escapeHtml(login)}">Log in</a>, or <a href="${escapeHtml(reset)}">choose a new password</a> if you have forgotten it.</p>
<p>If it was not you, ignore this email: nothing has changed.</p>`
}

async function register(req: PayloadRequest): Promise<Response> {
  await addDataAndFileToRequest(req)
  // Admins (the admin panel) create customers as Payload would; everyone else registers as a shopper does.
  if (isAdminUser(req.user)) {
    const doc = await req.payload.create({ collection: 'customers', data: req.data as never, req, overrideAccess: false, depth: 0 })
    return json({ doc, message: 'Successfully created.' }, 201)
  }
  const parsed = registration.safeParse(req.data ?? {})
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }))
    throw new CommerceError(400, 'invalid_registration', details[0]?.message ?? 'Check the form', details)
  }
  const { email, password, name, marketingConsent } = parsed.data
  const weak = passwordProblem(password, 'customer', [email, name ?? ''])
  if (weak) throw new CommerceError(400, 'weak_password', weak, [{ field: 'password', message: weak }])
  const existing = await req.payload.db.findOne({ collection: 'customers', where: { email: { equals: email } }, req })
  if (existing) {
    // Spend what hashing a new password costs, and tell the owner instead of the caller.
    await promisify(pbkdf2)(password, 'no-new-account', 600_000, 32, 'sha256')
    void req.payload
      .sendEmail({ to: email, subject: 'Your Ipswich Retail account', html: alreadyRegisteredEmail(env().storefrontUrl) })
      .catch((err: unknown) => req.payload.logger.warn({ err }, 'Could not send the already-registered email'))
  } else {
    await req.payload.create({ collection: 'customers', data: { email, password, name, marketingConsent }, req, overrideAccess: true, depth: 0 })
  }
  return json(REGISTERED, 201)
}

/** `POST /api/customers`: replaces Payload's create so a shopper's registration never says whether an email is taken. */
export const registerEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: endpoint(register),
  custom: {
    openapi: {
      summary: 'Register a customer (admins: create one)',
      description:
        'A shopper gets the same 201 `{ message }` whether or not the email already has an account (its owner is emailed instead); ' +
        'the password must pass the policy (8+ characters, not common, zxcvbn score 2+). Admins get `{ doc, message }` as from Payload.',
      tag: 'Customers',
      body: registration,
      answer: z.object({ message: z.string(), doc: z.record(z.string(), z.unknown()).optional() }),
      status: 201,
      errors: { 400: ['invalid_registration', 'weak_password'], 403: ['forbidden'], 429: ['rate_limited'] },
    },
  },
}
