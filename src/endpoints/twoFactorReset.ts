import type { Endpoint } from 'payload'

import { isAdminUser } from '../access/roles'
import { CommerceError } from '../commerce/errors'
import { recordAudit } from '../infra/audit'
import { isEnrolled, resetTwoFactor } from '../infra/twoFactor/secondFactor'
import { loadStaff } from '../infra/twoFactor/state'
import { endpoint, json } from './respond'

// POST /api/users/:id/two-factor/reset — an admin turns off another staff member's two-factor (a lost phone).
const reset = endpoint(async (req) => {
  const admin = req.user
  if (admin?.collection !== 'users') throw new CommerceError(401, 'unauthenticated', 'Log in as an admin first')
  if (!isAdminUser(admin)) throw new CommerceError(403, 'forbidden', "Only an admin can reset a staff member's two-factor authentication")
  const id = String(req.routeParams?.id ?? '')
  const staff = /^\d{1,15}$/.test(id) ? await loadStaff(req.payload, id) : null
  if (!staff) throw new CommerceError(404, 'not_found', `No staff member with id ${id.slice(0, 40)}`)
  if (String(staff.id) === String(admin.id))
    throw new CommerceError(
      403,
      'own_two_factor',
      'Turn off your own two-factor authentication with a code (Turn off two-factor, POST /api/users/two-factor/disable)',
    )
  if (!isEnrolled(staff)) throw new CommerceError(409, 'two_factor_not_enabled', `Two-factor authentication is not on for ${staff.email}`)
  await resetTwoFactor(req.payload, staff)
  const actor = { collection: 'users', id: admin.id, email: String(admin.email ?? '') }
  await recordAudit(req.payload, {
    action: 'two_factor.reset',
    actor,
    target: { collection: 'users', id: staff.id, email: staff.email },
    summary: `${actor.email} reset the two-factor authentication of ${staff.email}`,
    req,
  })
  return json({ enabled: false })
})

export const twoFactorResetEndpoint: Endpoint = { path: '/:id/two-factor/reset', method: 'post', handler: reset }
