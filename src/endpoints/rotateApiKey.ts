import { randomBytes } from 'node:crypto'

import { isAdminUser } from '../access/roles'
import { CommerceError } from '../commerce/errors'
import { endpoint, json } from './respond'

// POST /api/integrations/:id/rotate — admins only: a new key replaces the old one at once; it is shown this once.
export const handleRotateApiKey = endpoint(async (req) => {
  if (!req.user) throw new CommerceError(401, 'unauthenticated', 'Log in as an admin to do this')
  if (!isAdminUser(req.user)) throw new CommerceError(403, 'forbidden', 'Only admins manage API keys')
  const id = String(req.routeParams?.id ?? '')
  const found = await req.payload.findByID({ collection: 'integrations', id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!found) throw new CommerceError(404, 'integration_not_found', `Integration ${id} not found`)
  const apiKey = randomBytes(32).toString('base64url')
  await req.payload.update({ collection: 'integrations', id, data: { active: true, enableAPIKey: true, apiKey }, req, overrideAccess: true })
  req.payload.logger.info({ integration: found.id, by: req.user.id }, 'API key rotated')
  return json({ id: found.id, name: found.name, apiKey, header: `integrations API-Key ${apiKey}` })
})
