import { buildSchema, findBreakingChanges, type GraphQLSchema } from 'graphql'

// The GraphQL schema is a contract (schema.graphql, docs/openapi.md): a breaking change — a removed field or type, a
// narrowed argument — must be recorded in docs/graphql-changelog.md, quoted exactly as graphql describes it.

export type BreakingChange = { type: string; description: string }

/** Breaking changes from `previous` (the committed SDL) to `current`. */
export function breakingChanges(previous: string, current: GraphQLSchema | string): BreakingChange[] {
  const next = typeof current === 'string' ? buildSchema(current) : current
  return findBreakingChanges(buildSchema(previous), next).map(({ type, description }) => ({ type, description }))
}

/** The breaking changes the changelog does not list (each entry quotes the description in backticks). */
export function unrecordedBreakingChanges(previous: string, current: GraphQLSchema | string, changelog: string): BreakingChange[] {
  return breakingChanges(previous, current).filter((change) => !changelog.includes(`\`${change.description}\``))
}
