import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives'
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql'

/** Shared with the request guard (src/guard/graphql.ts), which applies the alias and depth rules before Payload parses. */
export const GRAPHQL_LIMITS = { aliases: 15, depth: 10, directives: 20, cost: 5000 }

// A refusal is reported as a validation error (HTTP 400); armor's default, throwing it, makes graphql-http answer 500.
const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] }

/** The stable code of a validation error (docs/errors.md). */
export function validationErrorCode(message: string): string {
  if (/introspection/i.test(message)) return 'introspection_disabled'
  if (/^Syntax Error/.test(message)) return 'graphql_syntax_error'
  if (/(aliases|depth|directives|cost|complexity)/i.test(message) && /(limit|exceed|max)/i.test(message)) return 'graphql_limit'
  return 'graphql_validation_failed'
}

// graphql-http answers validation errors itself (Payload's afterError hook never sees them); every rule shares one
// ValidationContext, so wrapping its reportError here gives every validation error, ours and graphql's, an extensions.code.
const codeValidationErrors: ValidationRule = (context) => {
  const report = context.reportError.bind(context)
  context.reportError = (error: GraphQLError) =>
    report(
      error.extensions?.code
        ? error
        : new GraphQLError(error.message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            originalError: error.originalError,
            extensions: { ...error.extensions, code: validationErrorCode(error.message) },
          }),
    )
  return {}
}

// Limits that count what costs: aliases, depth, directives and total cost (request size is capped in front).
export const graphQLValidationRules = (): ValidationRule[] => [
  codeValidationErrors,
  maxAliasesRule({ n: GRAPHQL_LIMITS.aliases, ...report }),
  maxDepthRule({ n: GRAPHQL_LIMITS.depth, ignoreIntrospection: true, ...report }),
  maxDirectivesRule({ n: GRAPHQL_LIMITS.directives, ...report }),
  costLimitRule({ maxCost: GRAPHQL_LIMITS.cost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true, ...report }),
]
