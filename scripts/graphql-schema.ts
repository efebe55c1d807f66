// `npm run generate:graphql-schema`: writes schema.graphql, the committed GraphQL contract (docs/openapi.md).
// A breaking change must first be recorded in docs/graphql-changelog.md (tests/int/graphqlSchema.int.spec.ts).
import { writeFileSync } from 'node:fs'

import config from '../payload.config'
import { printGraphQLSchema } from '../src/infra/printGraphQLSchema'

const file = new URL('../schema.graphql', import.meta.url)
writeFileSync(file, printGraphQLSchema(await config))
console.log(`Wrote ${file.pathname}`)
process.exit(0)
