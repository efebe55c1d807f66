import { configToSchema } from '@payloadcms/graphql'
import { lexicographicSortSchema, printSchema } from 'graphql'
import type { SanitizedConfig } from 'payload'

/** Payload's GraphQL schema as SDL, sorted so the committed schema.graphql diffs cleanly. */
export function printGraphQLSchema(config: SanitizedConfig): string {
  return `${printSchema(lexicographicSortSchema(configToSchema(config).schema))}\n`
}
