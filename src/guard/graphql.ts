import { Kind, parse, visit, type DocumentNode } from 'graphql'

import { badRequest, hasNul, show } from './refusal'

// GraphQL limits live in the validation rules (src/infra/graphqlLimits.ts); here only what crashes before them:
// a query too long to parse cheaply, NUL characters, and @include/@skip given a non-boolean (Payload's
// complexity rule evaluates those directives unguarded and answers 500).

const MAX_TOKENS = 20000

export type GraphQLParams = { query?: unknown; variables?: unknown; operationName?: unknown }

function parseQuietly(query: string): DocumentNode | null {
  try {
    return parse(query, { noLocation: true, maxTokens: MAX_TOKENS })
  } catch (error) {
    if (error instanceof Error && /maximum number of tokens/i.test(error.message)) {
      throw badRequest('graphql_too_large', `The GraphQL query has more than ${MAX_TOKENS} tokens`)
    }
    return null // a syntax error: GraphQL answers it with a 400 of its own
  }
}

function checkDirectives(document: DocumentNode, variables: Record<string, unknown>): void {
  const defaults = new Map<string, unknown>()
  visit(document, {
    VariableDefinition(node) {
      if (node.defaultValue?.kind === Kind.BOOLEAN) defaults.set(node.variable.name.value, node.defaultValue.value)
    },
  })
  visit(document, {
    StringValue(node) {
      if (hasNul(node.value)) throw badRequest('invalid_graphql', 'A string in the GraphQL query contains a NUL character')
    },
    Directive(node) {
      if (node.name.value !== 'include' && node.name.value !== 'skip') return
      const arg = node.arguments?.find((a) => a.name.value === 'if')
      if (!arg) return
      if (arg.value.kind === Kind.BOOLEAN) return
      if (arg.value.kind === Kind.VARIABLE) {
        const name = arg.value.name.value
        const value = name in variables ? variables[name] : defaults.get(name)
        if (typeof value === 'boolean') return
        throw badRequest('invalid_graphql', `@${node.name.value}(if: $${name}) needs $${name} to be true or false, got ${show(value ?? null)}`)
      }
      throw badRequest('invalid_graphql', `@${node.name.value}(if: …) takes true, false or a Boolean variable`)
    },
  })
}

function parseVariables(raw: unknown): Record<string, unknown> {
  let variables = raw
  if (typeof raw === 'string' && raw !== '') {
    try {
      variables = JSON.parse(raw)
    } catch {
      throw badRequest('invalid_graphql', 'GraphQL variables must be a JSON object')
    }
  }
  if (variables === undefined || variables === null || variables === '') return {}
  if (typeof variables !== 'object' || Array.isArray(variables)) {
    throw badRequest('invalid_graphql', `GraphQL variables must be an object, got ${show(variables)}`)
  }
  return variables as Record<string, unknown>
}

export function checkGraphQL(params: GraphQLParams, maxLength: number): void {
  const { query } = params
  if (typeof query !== 'string') return // graphql-http answers a missing or non-string query with 400
  if (query.length > maxLength) throw badRequest('graphql_too_large', `The GraphQL query is longer than ${maxLength} characters`)
  if (hasNul(query)) throw badRequest('invalid_graphql', 'The GraphQL query contains a NUL character')
  const variables = parseVariables(params.variables)
  const document = parseQuietly(query)
  if (document) checkDirectives(document, variables)
}
