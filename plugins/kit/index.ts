/**
 * The public surface for plugins: everything a plugin under plugins/ may import from the app comes from here
 * (an ESLint rule refuses src/infra elsewhere in plugins/). The extension points are the commerce rules' own
 * types (src/commerce), so a plugin depends on the shop's vocabulary, not on how it is wired.
 */
export { definePlugin, resolveOptions } from './definePlugin'
export type { BaseOptions, EventBatchHandlers, EventHandlers, KitPlugin, PluginDefinition, PluginParts, Resolved } from './definePlugin'
export { attachHooks } from './attachHooks'
export type { HooksBySlug } from './attachHooks'
export { afterCommit, invalidateAfterCommit, isInternalWrite, logger, productsWrittenBySql, queryRows, dialect, sql } from './runtime'

// Extension points of the commerce rules.
export type { CommerceEvents, CommerceEventType } from '../../src/commerce/events'
export type { Adjustment, AdjustmentContext, AdjustmentStep, PricedLine } from '../../src/commerce/pricingRegistry'
export { CommerceError, conflict, invalidField, notFound } from '../../src/commerce/errors'
export type { OrderStatus } from '../../src/commerce/orderStates'
export { crossedZero } from '../../src/commerce/stock'

// Access: the shop's roles, so a plugin's collections follow the same rules (one named function per collection in src/access).
export { anyone } from '../../src/access/anyone'
export { nobody } from '../../src/access/nobody'
export { isStaff, isStaffField } from '../../src/access/isStaff'
export { isCustomerUser, isStaffUser } from '../../src/access/roles'
export { isSignedIn, isStaffOrCustomerOwner } from '../../src/access/isStaffOrCustomerOwner'

// Endpoints answer like the core's: clear JSON 4xx for refusals.
export { endpoint, json, readJsonBody } from '../../src/endpoints/respond'
/** zod, for endpoint bodies and their descriptions. */
export { z } from 'zod'
/** An endpoint's entry in /api/openapi.json: set it as the endpoint's `custom.openapi`. */
export type { CommerceOperation as EndpointDescription } from '../../src/endpoints/openapi/commerceOperations'
