import type { PayloadRequest } from 'payload'

import { canManageWebhooks } from '../../../src/access/canManageWebhooks'
import { CommerceError } from '../../../src/commerce/errors'
import { endpoint, json } from '../../../src/endpoints/respond'
import { redeliver } from '../../../src/infra/webhooks/deliver'

// POST /api/webhook-deliveries/:id/redeliver — a new delivery of the same event to the same webhook, queued now.
export const handleRedeliver = endpoint(async (req: PayloadRequest) => {
  if (!req.user) throw new CommerceError(401, 'unauthenticated', 'Log in to do this')
  if (!(await canManageWebhooks({ req }))) throw new CommerceError(403, 'forbidden', 'Only those who manage webhooks may redeliver')
  const delivery = await redeliver(req.payload, String(req.routeParams?.id ?? ''))
  if (!delivery) throw new CommerceError(404, 'not_found', 'No such webhook delivery')
  return json({ id: delivery.id, status: delivery.status, redeliveryOf: delivery.redeliveryOf }, 202)
})
