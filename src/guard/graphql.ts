import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import {
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  TypeInfo,
  ValidationContext,
  parse,
  type ASTNode,
  type DirectiveNode,
  type DocumentNode,
  type GraphQLError,
  type OperationDefinitionNode,
} from 'graphql'

import { GRAPHQL_LIMITS } from '../infra/graphqlLimits'
import { badRequest, hasNul, show } from './refusal'

// GraphQL limits live in the validation rules (src/infra/graphqlLimits.ts); here only what crashes before them:
// a query too long to parse cheaply, NUL characters, and @include/@skip given a non-boolean (Payload's
// complexity rule evaluates those directives unguarded and answers 500). The armor alias and depth rules also run
// here, on the parsed document alone, so a flood is refused before Payload spends CPU validating it against its schema.

const MAX_TOKENS = 20000

export type GraphQLParams = { query?: unknown; variables?: unknown; operationName?: unknown }

function parseQuietly(query: string): DocumentNode {
  try {
    return parse(query, { noLocation: true, maxTokens: MAX_TOKENS })
  } catch (error) {
    if (error instanceof Error && /maximum number of tokens/i.test(error.message)) {
      throw badRequest('graphql_too_large', `The GraphQL query has more than ${MAX_TOKENS} tokens`)
    }
    // graphql-http's own answer to a syntax error carries no extensions.code: refuse it here in the one format.
    throw badRequest('graphql_syntax_error', error instanceof Error ? error.message : 'The GraphQL query cannot be parsed')
  }
}

// The shape rules need only fragments from the context, not Payload's schema. They are entered per operation
// directly: graphql's generic visit() costs more than the rules themselves on a 500-alias document.
const shapeSchema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }) })
const reportOnly = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] }
type OperationVisitor = { OperationDefinition: { enter: (node: OperationDefinitionNode) => void } }

function checkShape(document: DocumentNode): void {
  const errors: GraphQLError[] = []
  const context = new ValidationContext(shapeSchema, document, new TypeInfo(shapeSchema), (error) => errors.push(error))
  const visitors = [
    maxAliasesRule({ n: GRAPHQL_LIMITS.aliases, ...reportOnly })(context),
    maxDepthRule({ n: GRAPHQL_LIMITS.depth, ignoreIntrospection: true, ...reportOnly })(context),
  ] as unknown as OperationVisitor[]
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    for (const visitor of visitors) visitor.OperationDefinition.enter.call(visitor, definition)
  }
  if (errors.length) throw badRequest('graphql_limit', errors[0].message.replace(/^Syntax Error: /, ''))
}

/** Every AST node under `node`, depth first (AST nodes are plain objects with a `kind`). */
function eachNode(node: unknown, fn: (node: ASTNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) eachNode(item, fn)
    return
  }
  if (typeof node !== 'object' || node === null || !('kind' in node)) return
  fn(node as ASTNode)
  for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) eachNode(value, fn)
}

function checkNodes(document: DocumentNode, variables: Record<string, unknown>): void {
  const defaults = new Map<string, unknown>()
  const directives: DirectiveNode[] = []
  eachNode(document, (node) => {
    if (node.kind === Kind.STRING && hasNul(node.value)) throw badRequest('invalid_graphql', 'A string in the GraphQL query contains a NUL character')
    if (node.kind === Kind.VARIABLE_DEFINITION && node.defaultValue?.kind === Kind.BOOLEAN) defaults.set(node.variable.name.value, node.defaultValue.value)
    if (node.kind === Kind.DIRECTIVE && (node.name.value === 'include' || node.name.value === 'skip')) directives.push(node)
  })
  for (const node of directives) {
    const arg = node.arguments?.find((a) => a.name.value === 'if')
    if (!arg || arg.value.kind === Kind.BOOLEAN) continue
    if (arg.value.kind !== Kind.VARIABLE) throw badRequest('invalid_graphql', `@${node.name.value}(if: …) takes true, false or a Boolean variable`)
    const name = arg.value.name.value
    const value = name in variables ? variables[name] : defaults.get(name)
    if (typeof value !== 'boolean') {
      throw badRequest('invalid_graphql', `@${node.name.value}(if: $${name}) needs $${name} to be true or false, got ${show(value ?? null)}`)
    }
  }
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
  checkShape(document)
  checkNodes(document, variables)
}
