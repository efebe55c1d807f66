import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives'
import type { ValidationRule } from 'graphql'

// Limits that count what costs: aliases, depth, directives and total cost (request size is capped in front).
export const graphQLValidationRules = (): ValidationRule[] => [
  maxAliasesRule({ n: 15 }),
  maxDepthRule({ n: 10, ignoreIntrospection: true }),
  maxDirectivesRule({ n: 20 }),
  costLimitRule({ maxCost: 5000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true }),
]
