import { addDataAndFileToRequest, type Endpoint } from 'payload'
import { z } from 'zod'

import { forgotPasswordBody, RESET_REQUESTED, requestPasswordReset, type ResettableCollection } from '../infra/passwordReset'
import { endpoint, json } from './respond'

/**
 * `POST /api/<customers|users>/forgot-password`, in place of Payload's: the same 200 `{ message }` and the same work
 * (one queued job) whether or not the email has an account; the job sends the link (docs/security/addresses-and-accounts.md).
 */
export const forgotPasswordEndpoint = (collection: ResettableCollection): Endpoint => ({
  path: '/forgot-password',
  method: 'post',
  handler: endpoint(async (req) => {
    await addDataAndFileToRequest(req)
    return json(await requestPasswordReset(req.payload, collection, req.data))
  }),
  custom: {
    openapi: {
      summary: `Email a password reset link (${collection === 'users' ? 'staff' : 'customers'})`,
      description:
        'The same 200 `{ message }` whether or not the email has an account, in about the same time: the request only queues the job that ' +
        'looks the account up and sends the link (on PostgreSQL at most one per account per 15 s).',
      tag: collection === 'users' ? 'Staff accounts' : 'Customers',
      body: forgotPasswordBody,
      answer: z.object({ message: z.literal(RESET_REQUESTED.message) }),
      status: 200,
      errors: { 400: ['invalid_email'], 429: ['rate_limited'] },
    },
  },
})
