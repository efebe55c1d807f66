import type { Access, FieldAccess } from 'payload'

import { isAdminUser } from './roles'

// Webhooks send shop data to outside URLs: only admins (and, once wired, API keys with `webhooks:manage`) manage them.
export const canManageWebhooks: Access = ({ req }) => isAdminUser(req.user)

// The signing secret: admins only, whoever else may manage webhooks sees it once, in the answer to the create.
export const canReadWebhookSecret: FieldAccess = ({ req }) => isAdminUser(req.user)
