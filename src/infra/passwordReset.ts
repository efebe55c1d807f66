import type { Payload } from 'payload'
import { z } from 'zod'

import { CommerceError } from '../commerce/errors'

export const RESETTABLE = ['customers', 'users'] as const
export type ResettableCollection = (typeof RESETTABLE)[number]

/** The one answer to a forgotten-password request, whether or not an account uses the address. */
export const RESET_REQUESTED = { message: 'If an account uses this email address, we have sent it a link to choose a new password.' }

export const forgotPasswordBody = z.object({ email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254) })

/**
 * Queues the reset for the jobs queue and nothing else, so a known and an unknown address take the same path: one
 * job row, no look-up. The job (src/jobs/tasks/sendPasswordReset.ts) does what Payload's forgot-password did in the
 * request: find the account, write a token, send the email (or nothing for an unknown address).
 */
export async function requestPasswordReset(payload: Payload, collection: ResettableCollection, body: unknown): Promise<typeof RESET_REQUESTED> {
  const parsed = forgotPasswordBody.safeParse(body ?? {})
  if (!parsed.success) throw new CommerceError(400, 'invalid_email', 'Send { "email": "…" }: a valid email address')
  await payload.jobs.queue({ task: 'sendPasswordReset', input: { collection, email: parsed.data.email } })
  return RESET_REQUESTED
}
