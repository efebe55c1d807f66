import type { CollectionConfig } from 'payload'

import type { AccountKind } from '../../src/infra/passwordPolicy'
import { guardAccountChanges } from './guardAccountChanges'
import { checkLogin, clearLoginDelay } from './loginHooks'
import { enforcePasswordPolicy } from './passwordPolicyHook'

type Hooks = NonNullable<CollectionConfig['hooks']>

/**
 * What every auth collection shares (docs/security/addresses-and-accounts.md): the password policy, email and
 * password changes only by the holder or an admin, and the login delay with even timing. Payload's own lockout is
 * off (`maxLoginAttempts: 0`): it let anyone lock anyone out.
 */
export const accountHooks = (kind: AccountKind): Pick<Hooks, 'beforeOperation' | 'afterLogin'> => ({
  beforeOperation: [enforcePasswordPolicy(kind), guardAccountChanges, checkLogin],
  afterLogin: [clearLoginDelay],
})
