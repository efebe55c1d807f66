import type { Payload, TaskConfig } from 'payload'

import { releaseExpiredReservations } from '../../commerce/workflows'
import { commerceDeps } from '../../infra/commerce/deps'

type ReleaseExpired = (payload: Payload) => ReturnType<typeof releaseExpiredReservations>
type ReleaseExpiredTask = TaskConfig<{ input: Record<string, never>; output: { expired: number; failed: number } }>

export function createReleaseExpiredReservationsTask(
  release: ReleaseExpired = (payload) => releaseExpiredReservations(commerceDeps(payload)),
): ReleaseExpiredTask {
  return {
    slug: 'releaseExpiredReservations',
    label: 'Expire pending orders past their hold and release their stock',
    retries: 2,
    handler: async ({ req }) => {
      const result = await release(req.payload)
      if (result.failed > 0) req.payload.logger.warn({ failures: result.failures }, 'Some expired reservations could not be released')
      return { output: { expired: result.expired, failed: result.failed } }
    },
  }
}

export const releaseExpiredReservationsTask = createReleaseExpiredReservationsTask()
