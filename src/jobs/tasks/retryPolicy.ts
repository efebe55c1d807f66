import { env } from '../../infra/env'

// Mail servers go down; a job retries with growing waits rather than losing the message.
export const retryPolicy = () => ({
  attempts: env().JOB_RETRY_ATTEMPTS,
  backoff: { type: 'exponential' as const, delay: env().JOB_RETRY_DELAY_MS },
})
