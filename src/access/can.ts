import type { Access, FieldAccess } from 'payload'

import { hasScope } from './roles'
import type { Scope } from './scopes'

/** Collection access: allowed when the caller holds `scope` (a staff role's or an API key's). */
export const can =
  (scope: Scope): Access =>
  ({ req }) =>
    hasScope(req.user, scope)

/** Field access: the same, for one field. */
export const canField =
  (scope: Scope): FieldAccess =>
  ({ req }) =>
    hasScope(req.user, scope)

/** Allowed with any one of the scopes. */
export const canAny =
  (...scopes: Scope[]): Access =>
  ({ req }) =>
    scopes.some((scope) => hasScope(req.user, scope))

export const canAnyField =
  (...scopes: Scope[]): FieldAccess =>
  ({ req }) =>
    scopes.some((scope) => hasScope(req.user, scope))
