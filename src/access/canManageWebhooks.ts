import type { Access, FieldAccess } from 'payload'

import { hasScope, isAdminUser } from './roles'

// Webhooks send shop data to outside URLs: admins and API keys with `webhooks:manage` manage them.
export const canManageWebhooks: Access = ({ req }) => hasScope(req.user, 'webhooks:manage')

// The signing secret: admins only; whoever else may manage webhooks sees it once, in the answer to the create.
export const canReadWebhookSecret: FieldAccess = ({ req }) => isAdminUser(req.user)
