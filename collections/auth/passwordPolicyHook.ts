import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

import { passwordProblem, type AccountKind } from '../../src/infra/passwordPolicy'

const SETS_PASSWORD = new Set(['create', 'update', 'resetPassword'])

/** Every new password, whoever sets it and however (REST, GraphQL, admin, reset link, Local API), meets the policy. */
export const enforcePasswordPolicy =
  (kind: AccountKind): CollectionBeforeOperationHook =>
  ({ args, operation, req, collection }) => {
    const data = (args as { data?: Record<string, unknown> }).data
    if (!SETS_PASSWORD.has(operation) || data?.password === undefined || data.password === null) return
    if (operation === 'update' && data.password === '') return
    const message = passwordProblem(data.password, kind, [String(data.email ?? ''), String(data.name ?? '')])
    if (message) throw new ValidationError({ collection: collection.slug, errors: [{ path: 'password', message }], req })
  }
