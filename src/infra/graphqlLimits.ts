import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives'
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql'

// A refusal is reported as a validation error (HTTP 400); armor's default, throwing it, makes graphql-http answer 500.
const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] }

// Limits that count what costs: aliases, depth, directives and total cost (request size is capped in front).
export const graphQLValidationRules = (): ValidationRule[] => [
  maxAliasesRule({ n: 15, ...report }),
  maxDepthRule({ n: 10, ignoreIntrospection: true, ...report }),
  maxDirectivesRule({ n: 20, ...report }),
  costLimitRule({ maxCost: 5000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true, ...report }),
]
