import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives'
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql'

/** Shared with the request guard (src/guard/graphql.ts), which applies the alias and depth rules before Payload parses. */
export const GRAPHQL_LIMITS = { aliases: 15, depth: 10, directives: 20, cost: 5000 }

// A refusal is reported as a validation error (HTTP 400); armor's default, throwing it, makes graphql-http answer 500.
const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] }

// Limits that count what costs: aliases, depth, directives and total cost (request size is capped in front).
export const graphQLValidationRules = (): ValidationRule[] => [
  maxAliasesRule({ n: GRAPHQL_LIMITS.aliases, ...report }),
  maxDepthRule({ n: GRAPHQL_LIMITS.depth, ignoreIntrospection: true, ...report }),
  maxDirectivesRule({ n: GRAPHQL_LIMITS.directives, ...report }),
  costLimitRule({ maxCost: GRAPHQL_LIMITS.cost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true, ...report }),
]
