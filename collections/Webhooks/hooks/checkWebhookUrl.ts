import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { webhookUrlProblem } from '../../../src/commerce/webhooks/addresses'
import { env } from '../../../src/infra/env'
import { webhookUrlRefusal } from '../../../src/infra/webhooks/urlPolicy'

// Outside development a URL that resolves to a private address is refused at save time (and again at each delivery).
export const checkWebhookUrl: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (req.context.webhookInternal) return data
  if (operation === 'update' && (data.url === undefined || data.url === originalDoc?.url)) return data
  // A malformed URL is the field's validation to report (it runs after this hook).
  if (webhookUrlProblem(data.url)) return data
  const refused = await webhookUrlRefusal(String(data.url), env().webhookAllowPrivateUrls)
  if (refused) throw new ValidationError({ collection: 'webhooks', errors: [{ path: 'url', message: refused }], req })
  return data
}
