import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives'
import { GraphQLError, Kind, type ExecutionArgs, type ValidationContext, type ValidationRule, type ValueNode } from 'graphql'

import { env } from './env'
import { capsFor, depthRefusal, limitRefusal, type PageAsk } from './pageCaps'

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

type CallerContext = { req?: { user?: { collection?: string } | null } }

/**
 * The REST page caps on GraphQL: every `limit` (Payload's list queries and join fields), `pagination: false` and
 * `depth` argument (rich text), literal or variable, judged by the caller's caps (src/infra/pageCaps.ts).
 */
export const pageCapsRule =
  (args?: Pick<ExecutionArgs, 'contextValue' | 'variableValues'>): ValidationRule =>
  (context) => {
    const caps = capsFor((args?.contextValue as CallerContext | undefined)?.req?.user?.collection ?? undefined, env())
    const variables = args?.variableValues ?? {}
    const defaults = new Map<string, ValueNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue
      for (const v of definition.variableDefinitions ?? []) if (v.defaultValue) defaults.set(v.variable.name.value, v.defaultValue)
    }
    const valueOf = (node: ValueNode): unknown => {
      if (node.kind === Kind.VARIABLE) {
        const name = node.name.value
        if (name in variables) return variables[name]
        const fallback = defaults.get(name)
        return fallback ? valueOf(fallback) : undefined
      }
      if (node.kind === Kind.INT) return Number(node.value)
      if (node.kind === Kind.BOOLEAN) return node.value
      return undefined
    }
    return {
      Argument: (node) => {
        const name = node.name.value
        if (name !== 'limit' && name !== 'pagination' && name !== 'depth') return
        const ask: PageAsk = { [name]: valueOf(node.value) }
        const refusal = name === 'depth' ? depthRefusal(ask, caps) : limitRefusal(ask, caps)
        if (refusal) context.reportError(new GraphQLError(refusal.message, { nodes: [node], extensions: { code: refusal.code, details: refusal.details } }))
      },
    }
  }

// Limits that count what costs: aliases, depth, directives and total cost (request size is capped in front), and page caps.
export const graphQLValidationRules = (args?: ExecutionArgs): ValidationRule[] => [
  codeValidationErrors,
  maxAliasesRule({ n: GRAPHQL_LIMITS.aliases, ...report }),
  maxDepthRule({ n: GRAPHQL_LIMITS.depth, ignoreIntrospection: true, ...report }),
  maxDirectivesRule({ n: GRAPHQL_LIMITS.directives, ...report }),
  costLimitRule({ maxCost: GRAPHQL_LIMITS.cost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true, ...report }),
  pageCapsRule(args),
]
