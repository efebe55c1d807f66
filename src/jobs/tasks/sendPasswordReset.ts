import type { TaskConfig } from 'payload'

import { RESETTABLE, type ResettableCollection } from '../../infra/passwordReset'
import { retryPolicy } from './retryPolicy'

type SendPasswordReset = TaskConfig<{ input: { collection: ResettableCollection; email: string }; output: { sent: boolean } }>

/**
 * A forgotten-password request, off the request path (src/infra/passwordReset.ts): Payload's own operation finds the
 * account, writes the token and sends the collection's reset email, keeping its one-request-per-interval rule. An
 * unknown address sends nothing. A mail failure throws, so the job retries.
 */
export const sendPasswordReset: SendPasswordReset = {
  slug: 'sendPasswordReset',
  label: 'Send a password reset email',
  retries: retryPolicy(),
  inputSchema: [
    { name: 'collection', type: 'select', required: true, options: [...RESETTABLE] },
    { name: 'email', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const token = await req.payload.forgotPassword({ collection: input.collection, data: { email: input.email } })
    return { output: { sent: Boolean(token) } }
  },
}
